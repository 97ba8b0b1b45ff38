using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Feedback;
using IncidentBot.Discord.Interactions;

namespace IncidentBot.Discord.Commands;

/// <summary>
/// The slash commands, as the body of a bulk overwrite (<c>PUT …/commands</c>). <c>/reindex</c> and <c>/gaps</c> carry
/// <c>default_member_permissions</c> = Manage Server (<c>"32"</c>, a string bitset) so Discord hides it from
/// others; the handler checks again, because server owners can change who sees a command.
/// </summary>
public static class CommandDefinitions
{
    private const int ChatInput = 1;
    private const int StringOption = 3;
    private const int IntegerOption = 4;
    private const int BooleanOption = 5;
    private const string ManageGuild = "32";

    // "YYYY-MM-DD": Discord then refuses longer text before it reaches the bot.
    private const int AsOfLength = 10;

    /// <param name="guild">Guild commands take no <c>contexts</c> (they exist in one server only).</param>
    public static JsonElement Build(bool guild)
    {
        var commands = new JsonArray
        {
            Command(CommandNames.Ask, "Ask a question about the incident; the answer is quoted from the documents", guild, null,
                Option(StringOption, "question", "What you want to know", required: true, maxLength: QuestionSanitizer.MaxLength),
                Option(BooleanOption, "private", "Only you see the answer"),
                Option(StringOption, "as_of", "Answer only from documents dated on or before YYYY-MM-DD", maxLength: 10)),
            Command(CommandNames.Sources, "List the documents the bot answers from", guild, null),
            Command(CommandNames.Timeline, "The dated events in the documents, in date order", guild, null,
                Option(StringOption, "as_of", "Only documents dated on or before YYYY-MM-DD", maxLength: AsOfLength)),
            Command(CommandNames.Reindex, "Admins: rebuild the search index from the documents", guild, ManageGuild,
                Option(BooleanOption, "force", "Rebuild even if unchanged; publish even if golden questions fare worse")),
            Command(CommandNames.Gaps, "Admins: the questions the documents do not answer well", guild, ManageGuild,
                Option(IntegerOption, "days", $"How many days back to look (default {GapFinder.DefaultDays})", range: (1, GapFinder.MaxDays))),
        };
        return JsonSerializer.SerializeToElement(commands, CommandsJsonContext.Default.JsonArray);
    }

    private static JsonObject Command(string name, string description, bool guild, string? permissions, params JsonObject[] options)
    {
        var command = new JsonObject
        {
            ["name"] = name,
            ["type"] = ChatInput,
            ["description"] = description,
        };
        if (options.Length > 0)
        {
            command["options"] = new JsonArray(options);
        }

        if (permissions is not null)
        {
            command["default_member_permissions"] = permissions;
        }

        if (!guild)
        {
            // Servers, and DMs with the bot; admin commands only in servers, where permissions mean something.
            command["contexts"] = permissions is null ? new JsonArray(0, 1) : new JsonArray(0);
        }

        return command;
    }

    private static JsonObject Option(int type, string name, string description, bool required = false, int? maxLength = null, (int Min, int Max)? range = null)
    {
        var option = new JsonObject
        {
            ["type"] = type,
            ["name"] = name,
            ["description"] = description,
        };
        if (required)
        {
            option["required"] = true;
        }

        if (maxLength is { } max)
        {
            option["max_length"] = max;
        }

        if (range is { } bounds)
        {
            option["min_value"] = bounds.Min;
            option["max_value"] = bounds.Max;
        }

        return option;
    }
}
