using IncidentBot.Core.Answers;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Synonyms;
using IncidentBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IncidentBot.Core.Tests.Synonyms;

/// <summary>Questions that name something as the synonyms file does, not as the documents do, are answered.</summary>
public sealed class SynonymAnswerTests : IDisposable
{
    private const string Report = "The spyware called Pegasus was sold by the NSO Group, an Israeli surveillance firm. WhatsApp patched the flaw in May.";

    private readonly IndexHarness _harness = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task AliasInTheQuestion_AnsweredFromTheSentenceThatNamesItOtherwise_Highlighted()
    {
        var (withSynonyms, without) = await EnginesAsync("NSO Group, Q Cyber Technologies");

        var answer = withSynonyms.AskOk("Which firm is Q Cyber Technologies?");
        var plain = without.AskOk("Which firm is Q Cyber Technologies?");

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("NSO Group", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Highlights, h => answer.Text!.Substring(h.Start, h.Length) == "NSO");
        Assert.False(plain.Answered && plain.Text!.Contains("NSO", StringComparison.Ordinal), "the synonym is what finds it");
    }

    [Fact]
    public async Task OneWordSynonym_CountsForCoverage()
    {
        var (withSynonyms, without) = await EnginesAsync("malware, spyware");

        var answer = withSynonyms.AskOk("Which malware?");

        Assert.True(answer.Answered, answer.Message);
        Assert.Contains("Pegasus", answer.Text, StringComparison.Ordinal);
        Assert.False(without.AskOk("Which malware?").Answered);
    }

    [Fact]
    public async Task SynonymsEdited_AppliedWithoutReindex()
    {
        var (engine, _) = await EnginesAsync("# nothing yet");
        Assert.False(engine.AskOk("Which firm is Q Cyber Technologies?").Answered);

        _harness.WriteSeed("synonyms.txt", "NSO Group, Q Cyber Technologies");
        File.SetLastWriteTimeUtc(Path.Combine(_harness.SeedsPath, "synonyms.txt"), DateTime.UtcNow.AddMinutes(1));
        _time.Advance(SynonymSource.CheckInterval);

        Assert.True(engine.AskOk("Which firm is Q Cyber Technologies?").Answered);
    }

    private async Task<(AnswerEngine WithSynonyms, AnswerEngine Without)> EnginesAsync(string synonyms)
    {
        var index = await _harness.CreateReadyIndexAsync(new Dictionary<string, string> { ["report.txt"] = Report });
        _harness.WriteSeed("synonyms.txt", synonyms);
        var source = new SynonymSource(Options.Create(new SeedsOptions { Path = _harness.SeedsPath }), _time, NullLogger<SynonymSource>.Instance);
        var engine = new AnswerEngine(index, synonyms: source);
        return (engine, _harness.CreateEngine(index));
    }
}
