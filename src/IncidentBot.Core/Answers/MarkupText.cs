namespace IncidentBot.Core.Answers;

/// <summary>Position tests that chat markup escaping needs (Discord Markdown, Slack mrkdwn alike).</summary>
public static class MarkupText
{
    /// <summary>
    /// True when only spaces or tabs stand between the line start and <paramref name="index"/>: where headings,
    /// lists and quotes begin in both markups.
    /// </summary>
    public static bool IsLineStart(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = index - 1; i >= 0; i--)
        {
            if (text[i] == '\n')
            {
                return true;
            }

            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }
}
