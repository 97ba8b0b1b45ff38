using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IncidentBot.Core.Answers;

/// <summary>Runs text through an analyser to find which words match a set of index terms, and where.</summary>
internal static class TermMatcher
{
    /// <summary>The analysed terms of <paramref name="text"/> with their character ranges in it.</summary>
    public static List<(string Term, TextSpan Span)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, TextSpan)>();
        using var stream = analyzer.GetTokenStream(Indexing.TextAnalysis.FieldName, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), new TextSpan(offset.StartOffset, offset.EndOffset - offset.StartOffset)));
        }

        stream.End();
        return tokens;
    }

    /// <summary>Ranges of the words of <paramref name="text"/> whose analysed form is in <paramref name="terms"/>.</summary>
    public static List<TextSpan> Highlights(Analyzer analyzer, string text, IReadOnlySet<string> terms)
    {
        var spans = new List<TextSpan>();
        foreach (var (term, span) in Tokens(analyzer, text))
        {
            if (terms.Contains(term))
            {
                spans.Add(span);
            }
        }

        return spans;
    }

    /// <summary>The set of analysed terms in <paramref name="text"/>.</summary>
    public static HashSet<string> TermSet(Analyzer analyzer, string text) =>
        Tokens(analyzer, text).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
}
