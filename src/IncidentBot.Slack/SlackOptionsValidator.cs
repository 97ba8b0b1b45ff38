using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>Checks the Slack settings at start-up and names the key at fault.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        CheckToken(options.BotToken, "xoxb-", "Slack:BotToken", errors);
        CheckToken(options.AppToken, "xapp-", "Slack:AppToken", errors);
        if (options.SigningSecret is { Length: > 0 } secret && (secret.Length < 16 || secret.Any(char.IsWhiteSpace)))
        {
            errors.Add("Slack:SigningSecret must be the app's signing secret (Basic Information → Signing Secret), without spaces.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("Slack:ApiBaseUrl must be an absolute http(s) URL such as " + SlackOptions.DefaultApiBaseUrl + ".");
        }

        foreach (var (value, key) in new[] { (options.AskCommand, "Slack:AskCommand"), (options.SourcesCommand, "Slack:SourcesCommand"), (options.ReindexCommand, "Slack:ReindexCommand"), (options.GapsCommand, "Slack:GapsCommand"), (options.TimelineCommand, "Slack:TimelineCommand") })
        {
            if (value is not { Length: > 1 and <= 32 } || value[0] != '/' || value.Skip(1).Any(c => char.IsWhiteSpace(c) || char.IsUpper(c)))
            {
                errors.Add($"{key} must be a slash command such as /ask (lower case, no spaces, at most 32 characters).");
            }
        }

        errors.AddRange(options.AdminUserIds
            .Where(id => id.Length is < 2 or > 32 || id[0] is not ('U' or 'W') || !id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
            .Select(id => $"Slack:AdminUserIds holds '{id}', which is not a Slack user id (like U012AB3CD)."));
        if (options.QuestionsPerWindow < 0 || options.QuestionWindowSeconds is < 1 or > 3600)
        {
            errors.Add("Slack:QuestionsPerWindow must be 0 (unlimited) or more, and Slack:QuestionWindowSeconds between 1 and 3600.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckToken(string? token, string prefix, string key, List<string> errors)
    {
        if (token is { Length: > 0 } && (!token.StartsWith(prefix, StringComparison.Ordinal) || token.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{key} must be a Slack token starting with {prefix} (without spaces).");
        }
    }
}
