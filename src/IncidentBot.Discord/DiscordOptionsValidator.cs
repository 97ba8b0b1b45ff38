using System.Globalization;
using Microsoft.Extensions.Options;

namespace IncidentBot.Discord;

/// <summary>Checks the Discord settings at start-up and names the key at fault, so a typo fails fast
/// instead of turning into a reconnect loop or 401s against Discord.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var mode = options.EffectiveMode;
        if (mode == DiscordMode.Off)
        {
            // Still checked when off: the interactions endpoint reads it whatever the mode.
            return options.PublicKey is { Length: > 0 } offKey && !IsHexKey(offKey)
                ? ValidateOptionsResult.Fail("Discord:PublicKey must be 64 hexadecimal characters (or empty).")
                : ValidateOptionsResult.Success;
        }

        if (mode == DiscordMode.Gateway && string.IsNullOrWhiteSpace(options.Token))
        {
            errors.Add("Discord:Token is required in Gateway mode (e.g. the Discord__Token environment variable).");
        }

        if (options.Token is { } token && (token.Trim().Length != token.Length || token.Any(char.IsWhiteSpace)))
        {
            errors.Add("Discord:Token must not contain spaces (paste the token alone, without \"Bot \").");
        }

        if (!IsSnowflake(options.ApplicationId))
        {
            errors.Add("Discord:ApplicationId must be the application's numeric id.");
        }

        if (mode == DiscordMode.Http && !IsHexKey(options.PublicKey))
        {
            errors.Add("Discord:PublicKey must be the application's public key: 64 hexadecimal characters.");
        }
        else if (options.PublicKey is { Length: > 0 } key && !IsHexKey(key))
        {
            errors.Add("Discord:PublicKey must be 64 hexadecimal characters.");
        }

        if (options.GuildId is { Length: > 0 } guild && !IsSnowflake(guild))
        {
            errors.Add("Discord:GuildId must be a numeric server id (or empty for global commands).");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("Discord:ApiBaseUrl must be an absolute http(s) URL such as " + DiscordOptions.DefaultApiBaseUrl + ".");
        }

        ValidateShards(options, errors);
        errors.AddRange(options.AdminUserIds.Where(id => !IsSnowflake(id)).Select(id => $"Discord:AdminUserIds holds '{id}', which is not a numeric user id."));
        if (options.QuestionsPerWindow < 0 || options.QuestionWindowSeconds is < 1 or > 3600)
        {
            errors.Add("Discord:QuestionsPerWindow must be 0 (unlimited) or more, and Discord:QuestionWindowSeconds between 1 and 3600.");
        }

        if (options.InteractionWorkers is < 1 or > 256)
        {
            errors.Add("Discord:InteractionWorkers must be between 1 and 256.");
        }

        if (options.RestRetries is < 0 or > 10 || options.RestRetryDelayMs is < 1 or > 60_000)
        {
            errors.Add("Discord:RestRetries must be 0-10 and Discord:RestRetryDelayMs 1-60000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateShards(DiscordOptions options, List<string> errors)
    {
        if (options.ShardCount is { } count && count is < 1 or > 10_000)
        {
            errors.Add("Discord:ShardCount must be between 1 and 10000.");
            return;
        }

        if (options.ShardIds.Count == 0)
        {
            return;
        }

        if (options.ShardCount is not { } total)
        {
            errors.Add("Discord:ShardIds needs Discord:ShardCount (every process must agree on the total).");
        }
        else if (options.ShardIds.Any(id => id < 0 || id >= total) || options.ShardIds.Distinct().Count() != options.ShardIds.Count)
        {
            errors.Add($"Discord:ShardIds must be distinct numbers from 0 to {total - 1}.");
        }
    }

    internal static bool IsSnowflake(string? value) =>
        value is { Length: > 0 and <= 20 } && value.All(char.IsAsciiDigit) && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static bool IsHexKey(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
