using System.Text.Json;

namespace IncidentBot.Tests.Support;

/// <summary>Assertions on the pinned JSON shape of an answer (issue #2), shared by the CLI and HTTP tests.</summary>
internal static class AnswerJson
{
    private static readonly string[] AnswerKeys = ["answer", "answered", "citations", "confidence", "didYouMean", "elapsedMs", "highlights", "message", "question"];
    private static readonly string[] CitationKeys = ["date", "highlights", "n", "paragraph", "score", "sentence", "snippet", "source", "title", "url"];

    /// <summary>Exactly the documented keys with the documented types; citations numbered 1..n; highlights inside their text.</summary>
    public static void AssertShape(JsonElement answer)
    {
        Assert.Equal(JsonValueKind.Object, answer.ValueKind);
        Assert.Equal(AnswerKeys, Keys(answer));
        Assert.Equal(JsonValueKind.String, answer.GetProperty("question").ValueKind);
        Assert.True(answer.GetProperty("elapsedMs").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("citations").ValueKind);
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("highlights").ValueKind);
        Assert.InRange(answer.GetProperty("confidence").GetDouble(), 0, 1);

        if (answer.GetProperty("answered").GetBoolean())
        {
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("message").ValueKind);
            var text = answer.GetProperty("answer").GetString();
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.True(text.Length <= 400, $"answer longer than 400 characters: {text.Length}");
            HighlightedWords(text, answer.GetProperty("highlights"));
            Assert.NotEqual(0, answer.GetProperty("citations").GetArrayLength());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, answer.GetProperty("answer").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("message").GetString()));
            Assert.Equal(0, answer.GetProperty("highlights").GetArrayLength());
        }

        var expectedN = 1;
        foreach (var citation in answer.GetProperty("citations").EnumerateArray())
        {
            Assert.Equal(CitationKeys, Keys(citation));
            Assert.Equal(expectedN++, citation.GetProperty("n").GetInt32());
            Assert.False(string.IsNullOrEmpty(citation.GetProperty("source").GetString()));
            Assert.False(string.IsNullOrEmpty(citation.GetProperty("title").GetString()));
            Assert.Contains(citation.GetProperty("date").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.Contains(citation.GetProperty("url").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.True(citation.GetProperty("paragraph").GetInt32() >= 1);
            Assert.True(citation.GetProperty("sentence").GetInt32() >= 1);
            Assert.Equal(JsonValueKind.Number, citation.GetProperty("score").ValueKind);
            var snippet = citation.GetProperty("snippet").GetString();
            Assert.False(string.IsNullOrWhiteSpace(snippet));
            HighlightedWords(snippet, citation.GetProperty("highlights"));
        }
    }

    /// <summary>
    /// Checks that every span lies inside <paramref name="text"/> and covers one whole word (letters or digits,
    /// not cut in the middle); returns the highlighted words.
    /// </summary>
    public static IReadOnlyList<string> HighlightedWords(string text, JsonElement highlights)
    {
        var words = new List<string>();
        foreach (var span in highlights.EnumerateArray())
        {
            var start = span.GetProperty("start").GetInt32();
            var length = span.GetProperty("length").GetInt32();
            Assert.True(start >= 0 && length > 0 && start + length <= text.Length, $"span {start}+{length} outside \"{text}\"");
            var word = text.Substring(start, length);
            Assert.True(char.IsLetterOrDigit(word[0]) && char.IsLetterOrDigit(word[^1]), $"span \"{word}\" is not a word");
            Assert.False(start > 0 && char.IsLetterOrDigit(text[start - 1]), $"span \"{word}\" starts inside a word of \"{text}\"");
            Assert.False(start + length < text.Length && char.IsLetterOrDigit(text[start + length]), $"span \"{word}\" ends inside a word of \"{text}\"");
            words.Add(word);
        }

        return words;
    }

    private static string[] Keys(JsonElement element) =>
        [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
