using IncidentBot.Core;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using IncidentBot.Discord;
using IncidentBot.Slack;
using Microsoft.Extensions.Options;

namespace IncidentBot.Configuration;

/// <summary>Configuration sources and service registrations shared by the CLI verbs and the service.</summary>
internal static class HostSetup
{
    /// <summary>Folder of secret files, one per key (<c>Admin__ApiKey</c>), as container orchestrators mount them.</summary>
    public const string SecretsDirectory = "/run/secrets";

    /// <summary>
    /// Layers settings: <c>appsettings.json</c>, then secret files in <see cref="SecretsDirectory"/>, then
    /// environment variables (<c>Seeds__Path</c>), then CLI flags.
    /// </summary>
    public static IConfigurationBuilder AddIncidentBotSources(
        this IConfigurationBuilder builder, string contentRoot, IReadOnlyDictionary<string, string?> overrides)
    {
        builder.AddJsonFile(Path.Combine(contentRoot, AppPaths.SettingsFileName), optional: true, reloadOnChange: false);
        builder.AddKeyPerFile(SecretsDirectory, optional: true);
        builder.AddEnvironmentVariables();
        builder.AddInMemoryCollection(overrides);
        return builder;
    }

    public static IServiceCollection AddIncidentBotHost(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddIncidentBotCore(configuration);
        services.AddIncidentBotConversations(configuration);
        services.AddIncidentBotDiscord(configuration);
        services.AddIncidentBotSlack(configuration);
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddOptions<PlaygroundOptions>().Bind(configuration.GetSection(PlaygroundOptions.SectionName));

        // Relative paths in settings are relative to the settings file's folder (see AppPaths). A blank
        // path is left blank, so validation rejects it instead of it meaning "the content root".
        services.PostConfigure<SeedsOptions>(o => o.Path = AppPaths.ResolveSetting(contentRoot, o.Path));
        services.PostConfigure<IndexOptions>(o =>
        {
            o.Path = AppPaths.ResolveSetting(contentRoot, o.Path);
            o.GoldenQuestions = o.GoldenQuestions is { } golden ? AppPaths.ResolveSetting(contentRoot, golden) : null;
        });
        services.PostConfigure<DataOptions>(o => o.Path = AppPaths.ResolveSetting(contentRoot, o.Path));
        return services;
    }

    /// <summary>Reads the options now so a bad setting fails with its message before any work starts.</summary>
    /// <param name="services">The built services.</param>
    /// <param name="discord">Also check the chat (Discord, Slack) and storage settings (the service and the <c>discord</c> verbs use them).</param>
    /// <returns>Every failure of every section, in one line; null when all are valid.</returns>
    public static string? ValidateOptions(IServiceProvider services, bool discord = false)
    {
        var sections = new List<Func<object>>
        {
            () => services.GetRequiredService<IOptions<SeedsOptions>>().Value,
            () => services.GetRequiredService<IOptions<IndexOptions>>().Value,
            () => services.GetRequiredService<IOptions<AdminOptions>>().Value,
            () => services.GetRequiredService<IOptions<RankingOptions>>().Value,
        };
        if (discord)
        {
            sections.Add(() => services.GetRequiredService<IOptions<DataOptions>>().Value);
            sections.Add(() => services.GetRequiredService<IOptions<DiscordOptions>>().Value);
            sections.Add(() => services.GetRequiredService<IOptions<SlackOptions>>().Value);
        }

        var failures = new List<string>();
        foreach (var read in sections)
        {
            try
            {
                _ = read();
            }
            catch (OptionsValidationException e)
            {
                failures.AddRange(e.Failures);
            }
            catch (InvalidOperationException e)
            {
                // Binding errors, e.g. "abc" for a number.
                failures.Add(e.Message);
            }
        }

        return failures.Count == 0 ? null : "Invalid configuration: " + string.Join(" ", failures);
    }
}
