using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Stored application commands, global and per guild, with bulk-overwrite semantics: a PUT replaces the
/// whole list; a command that keeps its name and type keeps its id (Discord updates it in place).
/// </summary>
internal sealed class CommandStore
{
    private const string GlobalKey = "";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonArray> _lists = new(StringComparer.Ordinal);
    private int _putCount;

    public int PutCount => Volatile.Read(ref _putCount);

    public IReadOnlyList<JsonElement> Get(string? guildId)
    {
        using var document = JsonDocument.Parse(GetJson(guildId));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public string GetJson(string? guildId)
    {
        lock (_gate)
        {
            return _lists.TryGetValue(guildId ?? GlobalKey, out var list) ? list.ToJsonString(FakeJson.Options) : "[]";
        }
    }

    /// <summary>Replaces the list and returns it as stored (ids, application_id, version, guild_id added).</summary>
    public string Overwrite(string applicationId, string? guildId, JsonArray commands)
    {
        lock (_gate)
        {
            _lists.TryGetValue(guildId ?? GlobalKey, out var previous);
            var stored = new JsonArray();
            foreach (var node in commands)
            {
                var command = node!.AsObject().DeepClone().AsObject();
                var type = command["type"]?.GetValue<int>() ?? CommandLimits.ChatInput;
                var name = command["name"]!.GetValue<string>();
                command["id"] = FindId(previous, name, type) ?? Snowflake.Next();
                command["type"] = type;
                command["application_id"] = applicationId;
                command["version"] = Snowflake.Next();
                if (guildId is not null)
                {
                    command["guild_id"] = guildId;
                }

                // Discord fills optional fields with explicit defaults in its responses.
                if (!command.ContainsKey("default_member_permissions"))
                {
                    command["default_member_permissions"] = null;
                }

                stored.Add(command);
            }

            _lists[guildId ?? GlobalKey] = stored;
            _putCount++;
            return stored.ToJsonString(FakeJson.Options);
        }
    }

    private static string? FindId(JsonArray? previous, string name, int type) =>
        previous?
            .Select(n => n!.AsObject())
            .FirstOrDefault(c => c["name"]!.GetValue<string>() == name && c["type"]!.GetValue<int>() == type)?["id"]!
            .GetValue<string>();
}
