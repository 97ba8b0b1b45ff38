using System.Globalization;
using System.Text;
using IncidentBot.Core.Answers;

namespace IncidentBot.Cli;

/// <summary>Renders an answer for a terminal: the quoted sentence with matched words marked, then numbered citations.</summary>
internal static class AnswerTextRenderer
{
    public static string Render(Answer answer, bool ansi)
    {
        var text = new StringBuilder();
        if (answer.Answered)
        {
            text.Append("Answer: ").Append(Mark(answer.Text!, answer.Highlights, ansi)).AppendLine(" [1]");
        }
        else
        {
            text.AppendLine(answer.Message);
        }

        if (SpellingSuggestion.Describe(answer.DidYouMean) is { } didYouMean)
        {
            text.AppendLine(didYouMean);
        }

        if (answer.Citations.Count > 0)
        {
            text.AppendLine().AppendLine(answer.Answered ? "Sources:" : "Closest passages:");
        }

        foreach (var citation in answer.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"  [{citation.N}] {citation.Source}");
            if (citation.Title != citation.Source)
            {
                text.Append(" \"").Append(citation.Title).Append('"');
            }

            if (citation.Date is not null)
            {
                text.Append(", ").Append(citation.Date);
            }

            text.AppendLine(CultureInfo.InvariantCulture, $", paragraph {citation.Paragraph}, sentence {citation.Sentence}");
            if (!answer.Answered || citation.N > 1)
            {
                text.Append("      \"").Append(Mark(citation.Snippet, citation.Highlights, ansi)).AppendLine("\"");
            }
        }

        return text.ToString();
    }

    /// <summary>Wraps highlighted ranges in ANSI bold or in <c>**…**</c>.</summary>
    public static string Mark(string text, IReadOnlyList<TextSpan> highlights, bool ansi)
    {
        var (open, close) = ansi ? ("\u001b[1m", "\u001b[22m") : ("**", "**");
        var marked = new StringBuilder(text.Length + (highlights.Count * 4));
        var position = 0;
        foreach (var span in highlights.OrderBy(h => h.Start))
        {
            if (span.Start < position || span.End > text.Length)
            {
                continue;
            }

            marked.Append(text, position, span.Start - position).Append(open).Append(text, span.Start, span.Length).Append(close);
            position = span.End;
        }

        return marked.Append(text, position, text.Length - position).ToString();
    }
}
