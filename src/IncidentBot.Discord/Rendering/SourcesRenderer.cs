using System.Globalization;
using System.Text;
using IncidentBot.Core.Indexing;
using IncidentBot.Discord.Messages;

namespace IncidentBot.Discord.Rendering;

/// <summary>
/// Renders the indexed documents as one embed, a line per document:
/// <c>**title** — source · date · P paragraphs</c>. Lines that do not fit the description are summed up as
/// "…and K more", so the list never breaks mid-line however many documents there are.
/// </summary>
public static class SourcesRenderer
{
    public const string NoDocuments = "No documents are indexed.";

    // One document's line is capped so a single huge title cannot crowd out the rest of the list.
    private const int MaxLineLength = 400;

    /// <summary>Renders the list; <paramref name="index"/> (null when none is built) fills the footer.</summary>
    public static MessagePayload Render(IReadOnlyList<SourceInfo> sources, IndexSnapshotInfo? index)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var embed = new Embed
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Indexed documents ({sources.Count:N0})"),
            Description = sources.Count == 0 ? NoDocuments : List(sources),
            Footer = index is null
                ? null
                : new EmbedFooter($"Index built {RenderText.UtcMinute(index.BuiltAt)} · {RenderText.Count(index.Sentences, "sentence")}"),
        };
        return new MessagePayload { Embeds = [EmbedBudget.Fit(embed)] };
    }

    private static string List(IReadOnlyList<SourceInfo> sources)
    {
        var list = new StringBuilder();
        for (var i = 0; i < sources.Count; i++)
        {
            var line = Line(sources[i]);
            var separator = list.Length > 0 ? 1 : 0;

            // Room must stay for the "…and K more" line unless this is the last document.
            var remaining = sources.Count - i - 1;
            var reserve = remaining > 0 ? MoreLine(remaining).Length + 1 : 0;
            if (list.Length + separator + line.Length + reserve > DiscordLimits.EmbedDescription)
            {
                if (list.Length > 0)
                {
                    list.Append('\n');
                }

                return list.Append(MoreLine(sources.Count - i)).ToString();
            }

            if (separator > 0)
            {
                list.Append('\n');
            }

            list.Append(line);
        }

        return list.ToString();
    }

    private static string Line(SourceInfo source)
    {
        var title = string.IsNullOrWhiteSpace(source.Title) ? source.Source : source.Title;
        var details = new List<string>(3) { Plain(source.Source) };
        if (!string.IsNullOrWhiteSpace(source.Date))
        {
            details.Add(Plain(source.Date));
        }

        details.Add(RenderText.Count(source.Paragraphs, "paragraph"));
        var tail = " — " + string.Join(" · ", details);

        // The bold title gives way first; then the whole line is cut (TextTrimmer closes an open "**").
        var titleRoom = Math.Max(MaxLineLength / 2, MaxLineLength - tail.Length - 4);
        var line = "**" + TextTrimmer.Truncate(Plain(title), titleRoom) + "**" + tail;
        return TextTrimmer.Truncate(line, MaxLineLength);
    }

    private static string Plain(string text) => DiscordMarkdown.Escape(RenderText.SingleLine(text.Trim()));

    private static string MoreLine(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"…and {count:N0} more");
}
