using Microsoft.Extensions.Options;

namespace IncidentBot.Configuration;

/// <summary>
/// An admin key is either absent (admin endpoints off) or long enough to resist guessing; a key of
/// blanks would switch the endpoints on with a key no client can send.
/// </summary>
internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ApiKey.Length == 0)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.ApiKey.Trim().Length != options.ApiKey.Length || options.ApiKey.Length < MinKeyLength)
        {
            return ValidateOptionsResult.Fail(
                $"Admin:ApiKey must be at least {MinKeyLength} characters without leading or trailing spaces (or empty to disable admin endpoints).");
        }

        return ValidateOptionsResult.Success;
    }
}
