using System.Globalization;
using System.Text;
using IncidentBot.Core.Indexing;
using IncidentBot.Slack.Messages;

namespace IncidentBot.Slack.Rendering;

/// <summary>
/// Renders the indexed documents: a header "Indexed documents (N)", then a line per document
/// (<c>*title* — source · date · P paragraphs</c>) packed into sections of at most 3000 chars. Documents past
/// <see cref="MaxListSections"/> sections are summed up as "…and K more", so the list never breaks mid-line and
/// the message stays far inside 50 blocks however many documents there are.
/// </summary>
public static class SourcesBlocksRenderer
{
    public const string NoDocuments = "No documents are indexed.";

    /// <summary>
    /// Sections of document lines (about 40 short lines each). Five keep a reply readable in a chat and cover a
    /// few hundred documents; the header, "…and K more" and the index line make at most 8 blocks.
    /// </summary>
    public const int MaxListSections = 5;

    // One document's line is capped so a single huge title cannot crowd out the rest of the list.
    private const int MaxLineLength = 400;

    /// <summary>Renders the list; <paramref name="index"/> (null when none is built) adds a last context line.</summary>
    public static SlackMessage Render(IReadOnlyList<SourceInfo> sources, IndexSnapshotInfo? index, bool ephemeral)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var title = string.Create(CultureInfo.InvariantCulture, $"Indexed documents ({sources.Count:N0})");
        var blocks = new List<SlackBlock> { new HeaderBlock(TextObject.Plain(title)) };
        if (sources.Count == 0)
        {
            blocks.Add(new SectionBlock(TextObject.Markdown(NoDocuments)));
        }
        else
        {
            var (sections, left) = Sections(sources);
            blocks.AddRange(sections.Select(s => new SectionBlock(TextObject.Markdown(s))));
            if (left > 0)
            {
                blocks.Add(new ContextBlock([TextObject.Markdown(string.Create(CultureInfo.InvariantCulture, $"…and {left:N0} more"))]));
            }
        }

        if (index is not null)
        {
            var line = $"Index built {SlackFormat.UtcMinute(index.BuiltAt)} · {SlackFormat.Count(index.Sentences, "sentence")}";
            blocks.Add(new ContextBlock([TextObject.Markdown(line)]));
        }

        return new SlackMessage
        {
            ResponseType = ephemeral ? SlackMessage.Ephemeral : SlackMessage.InChannel,
            Text = title,
            Blocks = blocks,
        };
    }

    /// <summary>Packs whole lines into sections; returns them and how many documents did not fit.</summary>
    private static (List<string> Sections, int Left) Sections(IReadOnlyList<SourceInfo> sources)
    {
        var sections = new List<string>(MaxListSections);
        var current = new StringBuilder();
        for (var i = 0; i < sources.Count; i++)
        {
            var line = Line(sources[i]);
            if (current.Length > 0 && current.Length + 1 + line.Length > SlackLimits.SectionText)
            {
                sections.Add(current.ToString());
                current.Clear();
                if (sections.Count == MaxListSections)
                {
                    return (sections, sources.Count - i);
                }
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(line);
        }

        sections.Add(current.ToString());
        return (sections, 0);
    }

    private static string Line(SourceInfo source)
    {
        var title = !string.IsNullOrWhiteSpace(source.Title) ? source.Title
            : !string.IsNullOrWhiteSpace(source.Source) ? source.Source
            : "Untitled document";
        var details = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(source.Source))
        {
            details.Add(SlackFormat.Code(source.Source, MaxLineLength));
        }

        if (!string.IsNullOrWhiteSpace(source.Date))
        {
            details.Add(SlackFormat.Plain(source.Date, MaxLineLength));
        }

        details.Add(SlackFormat.Count(source.Paragraphs, "paragraph"));
        var tail = " — " + string.Join(" · ", details);

        // The bold title gives way first; then the whole line is cut (SlackTrimmer closes an open "*").
        var titleRoom = Math.Max(MaxLineLength / 2, MaxLineLength - tail.Length - 2);
        var line = "*" + SlackFormat.Plain(title, titleRoom) + "*" + tail;
        return SlackTrimmer.Truncate(line, MaxLineLength);
    }
}
