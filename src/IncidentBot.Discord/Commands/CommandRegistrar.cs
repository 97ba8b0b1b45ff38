using System.Text.Json;
using IncidentBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord.Commands;

/// <summary>
/// Registers the slash commands by bulk overwrite, globally or in <c>Discord:GuildId</c>, only when Discord's
/// copy differs from ours: every overwrite of a new name counts against a daily creation limit, and restarts
/// are frequent in containers.
/// </summary>
public sealed partial class CommandRegistrar
{
    private static readonly string[] CommandKeys = ["name", "type", "description", "options", "default_member_permissions", "contexts"];
    private static readonly string[] OptionKeys = ["type", "name", "description", "required", "max_length", "options"];

    private readonly DiscordRestClient _rest;
    private readonly DiscordOptions _options;
    private readonly ILogger<CommandRegistrar> _logger;

    public CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
    {
        _rest = rest;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<CommandRegistration> RegisterAsync(bool force, CancellationToken ct)
    {
        var guildId = string.IsNullOrWhiteSpace(_options.GuildId) ? null : _options.GuildId;
        var scope = guildId is null ? "global" : $"server {guildId}";
        var applicationId = _options.ApplicationId ?? "";
        var desired = CommandDefinitions.Build(guild: guildId is not null);
        var count = desired.GetArrayLength();
        if (!force)
        {
            var existing = await _rest.GetCommandsAsync(applicationId, guildId, ct).ConfigureAwait(false);
            if (!existing.IsSuccess)
            {
                // Unknown whether anything changed: do not overwrite blindly (new names count against a daily limit).
                LogFailed(scope, existing.Result.ToString());
                return new CommandRegistration(CommandRegistrationStatus.Failed, scope, count, existing.Result.ToString()) { Retryable = IsRetryable(existing.Result) };
            }

            if (Matches(desired, existing.Value))
            {
                LogUnchanged(scope);
                return new CommandRegistration(CommandRegistrationStatus.Unchanged, scope, count);
            }
        }

        var put = await _rest.BulkOverwriteCommandsAsync(applicationId, guildId, desired, ct).ConfigureAwait(false);
        if (!put.IsSuccess)
        {
            LogFailed(scope, put.Result.ToString());
            return new CommandRegistration(CommandRegistrationStatus.Failed, scope, count, put.Result.ToString()) { Retryable = IsRetryable(put.Result) };
        }

        LogRegistered(count, scope);
        return new CommandRegistration(CommandRegistrationStatus.Registered, scope, count);
    }

    /// <summary>Network faults and server errors may pass; a 4xx (bad token, bad body) will not.</summary>
    private static bool IsRetryable(DiscordRestResult result) => (int)result.Status is 0 or >= 500;

    /// <summary>
    /// True when Discord's list holds exactly our commands. Only the fields we set are compared: Discord adds
    /// ids, versions and defaults of its own, and leaves out <c>required: false</c>.
    /// </summary>
    internal static bool Matches(JsonElement desired, JsonElement existing) =>
        existing.ValueKind == JsonValueKind.Array && SameItems(desired, existing, CommandKeys);

    private static bool SameItems(JsonElement desired, JsonElement existing, string[] keys)
    {
        if (desired.GetArrayLength() != existing.GetArrayLength())
        {
            return false;
        }

        var byName = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var item in existing.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            byName[name.GetString()!] = item;
        }

        return desired.EnumerateArray().All(item =>
            byName.TryGetValue(item.GetProperty("name").GetString()!, out var other) && SameFields(item, other, keys));
    }

    /// <summary>Options in order: Discord shows them in list order, and required ones must come first.</summary>
    private static bool SameOptions(JsonElement desired, JsonElement existing)
    {
        if (desired.ValueKind != JsonValueKind.Array || existing.ValueKind != JsonValueKind.Array || desired.GetArrayLength() != existing.GetArrayLength())
        {
            return false;
        }

        return desired.EnumerateArray().Zip(existing.EnumerateArray()).All(pair =>
            pair.Second.ValueKind == JsonValueKind.Object && SameFields(pair.First, pair.Second, OptionKeys));
    }

    private static bool SameFields(JsonElement desired, JsonElement existing, string[] keys)
    {
        foreach (var key in keys)
        {
            var mine = Field(desired, key);
            var theirs = Field(existing, key);
            var same = key == "options"
                ? (mine, theirs) switch
                {
                    (null, null) => true,
                    ({ } a, { } b) => SameOptions(a, b),
                    _ => false,
                }
                : (mine, theirs) switch
                {
                    (null, null) => true,
                    ({ } a, { } b) => JsonElement.DeepEquals(a, b),
                    _ => false,
                };
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A field's value, with absent, null, empty lists and Discord's defaults all meaning "not set".</summary>
    private static JsonElement? Field(JsonElement item, string key)
    {
        if (!item.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.False when key == "required" => null,
            JsonValueKind.Array when value.GetArrayLength() == 0 => null,
            _ => value,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord commands unchanged ({Scope}); not re-registered")]
    private partial void LogUnchanged(string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} Discord commands ({Scope})")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering Discord commands ({Scope}) failed: {Error}")]
    private partial void LogFailed(string scope, string error);
}
