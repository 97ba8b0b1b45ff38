using System.Text.Json;
using IncidentBot.Core.Answers;

namespace IncidentBot.Core.Tests.Answers;

/// <summary>The JSON answer is a stable contract (CLI --json and HTTP API).</summary>
public sealed class AnswerJsonTests
{
    private static readonly string[] AnswerProperties =
        ["question", "answered", "answer", "message", "citations", "elapsedMs", "highlights", "confidence", "didYouMean"];

    private static readonly string[] CitationProperties =
        ["n", "source", "title", "date", "url", "paragraph", "sentence", "snippet", "score", "highlights"];

    [Fact]
    public void Serialize_AnsweredAnswer_HasExactPropertyNamesInOrder()
    {
        using var json = Serialize(Answered());
        var root = json.RootElement;

        Assert.Equal(AnswerProperties, root.EnumerateObject().Select(p => p.Name));
        var citation = Assert.Single(root.GetProperty("citations").EnumerateArray());
        Assert.Equal(CitationProperties, citation.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Serialize_AnsweredAnswer_WritesValuesWithTheirJsonTypes()
    {
        using var json = Serialize(Answered());
        var root = json.RootElement;

        Assert.Equal("How many users were targeted?", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.Equal("Over 1,400 users were targeted.", root.GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("message").ValueKind);
        Assert.Equal(0.4, root.GetProperty("elapsedMs").GetDouble());
        Assert.Equal(0.873, root.GetProperty("confidence").GetDouble());
        var span = Assert.Single(root.GetProperty("highlights").EnumerateArray());
        Assert.Equal(11, span.GetProperty("start").GetInt32());
        Assert.Equal(5, span.GetProperty("length").GetInt32());

        var citation = root.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.Equal("000_43178d05d4589019.txt", citation.GetProperty("source").GetString());
        Assert.Equal("WhatsApp breach", citation.GetProperty("title").GetString());
        Assert.Equal("2019-11-01", citation.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("url").ValueKind);
        Assert.Equal(10, citation.GetProperty("paragraph").GetInt32());
        Assert.Equal(1, citation.GetProperty("sentence").GetInt32());
        Assert.Equal("Over 1,400 users were targeted.", citation.GetProperty("snippet").GetString());
        Assert.Equal(12.3, citation.GetProperty("score").GetDouble());
        Assert.Equal(JsonValueKind.Array, citation.GetProperty("highlights").ValueKind);
    }

    [Fact]
    public void Serialize_UnansweredAnswer_WritesNullsAndEmptyArrays()
    {
        var answer = new Answer("What is it?", false, null, "No words.", [], 0);

        using var json = Serialize(answer);
        var root = json.RootElement;

        Assert.Equal(AnswerProperties, root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("answered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("answer").ValueKind);
        Assert.Equal("No words.", root.GetProperty("message").GetString());
        Assert.Equal(0, root.GetProperty("citations").GetArrayLength());
        Assert.Equal(0, root.GetProperty("highlights").GetArrayLength());
        Assert.Equal(0, root.GetProperty("didYouMean").GetArrayLength());
    }

    [Fact]
    public void Serialize_DidYouMean_WordAndSuggestions()
    {
        var answer = new Answer("usres?", false, null, "No.", [], 0) { DidYouMean = [new SpellingSuggestion("usres", ["users"])] };

        using var json = Serialize(answer);

        var suggestion = Assert.Single(json.RootElement.GetProperty("didYouMean").EnumerateArray());
        Assert.Equal("usres", suggestion.GetProperty("word").GetString());
        Assert.Equal(["users"], suggestion.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Serialize_DateAndUrlNull_AreWrittenAsNull()
    {
        var citation = new Citation(1, "a.txt", "a.txt", null, null, 1, 1, "Text.", 1, []);
        var answer = new Answer("q", false, null, null, [citation], 0);

        var text = JsonSerializer.Serialize(answer, AnswerJsonContext.Default.Answer);

        Assert.Contains("\"message\":null", text, StringComparison.Ordinal);
        Assert.Contains("\"answer\":null", text, StringComparison.Ordinal);
        Assert.Contains("\"date\":null", text, StringComparison.Ordinal);
        Assert.Contains("\"url\":null", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ThenDeserialize_RoundTrips()
    {
        var answer = Answered();

        var text = JsonSerializer.Serialize(answer, AnswerJsonContext.Default.Answer);
        var back = JsonSerializer.Deserialize(text, AnswerJsonContext.Default.Answer);

        Assert.NotNull(back);
        Assert.Equal(answer.Text, back.Text);
        Assert.Equal(answer.Highlights, back.Highlights);
        Assert.Equal(answer.Citations, back.Citations, (a, b) => a with { Highlights = [] } == b with { Highlights = [] });
    }

    private static Answer Answered()
    {
        TextSpan[] spans = [new(11, 5)];
        var citation = new Citation(1, "000_43178d05d4589019.txt", "WhatsApp breach", "2019-11-01", null, 10, 1, "Over 1,400 users were targeted.", 12.3, spans);
        return new Answer("How many users were targeted?", true, "Over 1,400 users were targeted.", null, [citation], 0.4) { Highlights = spans, Confidence = 0.873 };
    }

    private static JsonDocument Serialize(Answer answer) =>
        JsonDocument.Parse(JsonSerializer.Serialize(answer, AnswerJsonContext.Default.Answer));
}
