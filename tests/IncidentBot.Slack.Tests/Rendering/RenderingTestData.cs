using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Slack.Tests.Rendering;

/// <summary>Small factories for the reply model, so rendering tests need no index.</summary>
internal static class RenderingTestData
{
    public static readonly DateTimeOffset BuiltAt = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(2));

    public static Citation Citation(
        int n,
        string snippet = "The database failover started at 14:02 UTC.",
        string title = "Postmortem",
        string? date = "2025-03-01",
        string? url = null,
        int paragraph = 4,
        IReadOnlyList<TextSpan>? highlights = null) =>
        new(n, $"docs/doc{n}.md", title, date, url, paragraph, 1, snippet, 1.0 / n, highlights ?? []);

    public static IReadOnlyList<Citation> Citations(int count, Func<int, Citation>? make = null) =>
        Enumerable.Range(1, count).Select(n => make is null ? Citation(n) : make(n)).ToList();

    public static Answer Answered(
        string question = "When did the failover start?",
        string text = "The database failover started at 14:02 UTC.",
        IReadOnlyList<TextSpan>? highlights = null,
        IReadOnlyList<Citation>? citations = null,
        double elapsedMs = 12.4) =>
        new(question, true, text, null, citations ?? Citations(2), elapsedMs) { Highlights = highlights ?? [] };

    public static Answer NotAnswered(
        string question = "Who won the football match?",
        string? message = "The documents don't answer this question. The closest passages are below.",
        IReadOnlyList<Citation>? citations = null) =>
        new(question, false, null, message, citations ?? Citations(2), 8);

    public static IndexSnapshotInfo Index(int documents = 12) =>
        new("abc123", BuiltAt, documents, 340, 1204);

    public static SourceInfo Source(int n, string? title = null) =>
        new($"incidents/doc{n}.md", title ?? $"Document {n}", "2025-02-0" + ((n % 9) + 1), null, 1024, 3 + n, 20 + n);

    /// <summary>A string of <paramref name="length"/> chars made of words, for size tests.</summary>
    public static string Words(int length, string word = "word") =>
        string.Concat(Enumerable.Repeat(word + " ", (length / (word.Length + 1)) + 1))[..length];

    /// <summary>"4:8,13:8" as spans; empty for "".</summary>
    public static IReadOnlyList<TextSpan> Spans(string spans) =>
        spans.Length == 0
            ? []
            : spans.Split(',').Select(s => s.Split(':')).Select(p => new TextSpan(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
