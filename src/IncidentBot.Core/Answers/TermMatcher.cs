using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IncidentBot.Core.Answers;

/// <summary>Runs text through an analyser to find its terms and where they are, and which of them match.</summary>
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

    /// <summary>Ranges of the analysed <paramref name="tokens"/> whose term is in <paramref name="terms"/>.</summary>
    public static List<TextSpan> Highlights(IReadOnlyList<(string Term, TextSpan Span)> tokens, IReadOnlySet<string> terms) =>
        tokens.Where(t => terms.Contains(t.Term)).Select(t => t.Span).ToList();
}
