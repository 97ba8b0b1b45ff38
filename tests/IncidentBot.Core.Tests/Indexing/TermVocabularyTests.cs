using IncidentBot.Core.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace IncidentBot.Core.Tests.Indexing;

public sealed class TermVocabularyTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public TermVocabularyTests()
    {
        using var analyzer = TextAnalysis.CreateIndexAnalyzer();
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(TextAnalysis.Version, analyzer)))
        {
            foreach (var text in new[] { "Users were targeted.", "The user was a target.", "Targets and tariffs.", "Pegasus spyware." })
            {
                writer.AddDocument(new Document { new TextField(IndexFields.Text, text, Field.Store.NO) });
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void NearestSpellings_OneEditAway_FindsTheIndexedTerm()
    {
        var vocabulary = TermVocabulary.Load(_reader, IndexFields.Text);

        var nearest = vocabulary.NearestSpellings("usr", maxEdits: 1, limit: 3);

        Assert.Equal([("user", 2)], nearest);
    }

    [Fact]
    public void NearestSpellings_SeveralCandidates_NearestFirstThenMostFrequent()
    {
        var vocabulary = TermVocabulary.Load(_reader, IndexFields.Text);

        var nearest = vocabulary.NearestSpellings("targe", maxEdits: 2, limit: 3);

        // "target" is 1 edit away and in 3 documents; "targe" itself is not indexed.
        Assert.Equal("target", nearest[0].Term);
        Assert.Equal(3, nearest[0].DocFreq);
        Assert.DoesNotContain(nearest, n => n.Term == "targe");
    }

    [Theory]
    [InlineData("xarget")] // a different first letter is never a typo we guess at
    [InlineData("spyglasses")]
    [InlineData("")]
    public void NearestSpellings_NothingClose_ReturnsEmpty(string term)
    {
        var vocabulary = TermVocabulary.Load(_reader, IndexFields.Text);

        Assert.Empty(vocabulary.NearestSpellings(term, maxEdits: 1, limit: 3));
    }

    [Fact]
    public void NearestSpellings_Limit_IsRespected()
    {
        var vocabulary = TermVocabulary.Load(_reader, IndexFields.Text);

        Assert.Single(vocabulary.NearestSpellings("targe", maxEdits: 2, limit: 1));
    }
}
