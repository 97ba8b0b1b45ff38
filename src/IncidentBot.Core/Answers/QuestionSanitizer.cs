using System.Globalization;
using System.Text;

namespace IncidentBot.Core.Answers;

/// <summary>
/// Normalises a question typed by a person. Questions are never parsed as Lucene syntax (the engine
/// tokenises them itself), so operators such as <c>AND</c>, <c>"</c>, <c>*</c> or <c>~</c> are plain text here.
/// </summary>
public static class QuestionSanitizer
{
    public const int MaxLength = 500;

    /// <summary>Returns the cleaned question, or an error a person can act on.</summary>
    public static (string? Question, string? Error) Sanitize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, "The question is empty: type a question about the incident.");
        }

        var normalized = raw.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                // Line breaks and tabs become spaces; other control characters (NUL, ESC, …) too.
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (category is UnicodeCategory.Format && rune.Value is not (0x200D or 0x200C))
            {
                // Direction marks and other invisible format characters carry no meaning for search;
                // zero-width (non-)joiners are kept because emoji and some scripts need them.
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        var question = builder.ToString();
        if (question.Length == 0)
        {
            return (null, "The question is empty: type a question about the incident.");
        }

        if (question.Length > MaxLength)
        {
            return (null, string.Create(
                CultureInfo.InvariantCulture,
                $"The question is too long ({question.Length} characters; the limit is {MaxLength}). Ask something shorter."));
        }

        return (question, null);
    }
}
