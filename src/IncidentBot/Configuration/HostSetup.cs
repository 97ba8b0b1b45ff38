using IncidentBot.Core;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Conversations;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using IncidentBot.Discord;
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
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();

        // Relative paths in settings are relative to the settings file's folder (see AppPaths). A blank
        // path is left blank, so validation rejects it instead of it meaning "the content root".
        services.PostConfigure<SeedsOptions>(o => o.Path = AppPaths.ResolveSetting(contentRoot, o.Path));
        services.PostConfigure<IndexOptions>(o => o.Path = AppPaths.ResolveSetting(contentRoot, o.Path));
        services.PostConfigure<DataOptions>(o => o.Path = AppPaths.ResolveSetting(contentRoot, o.Path));
        return services;
    }

    /// <summary>Reads the options now so a bad setting fails with its message before any work starts.</summary>
    /// <param name="services">The built services.</param>
    /// <param name="discord">Also check the Discord and storage settings (the service and the <c>discord</c> verbs use them).</param>
    public static string? ValidateOptions(IServiceProvider services, bool discord = false)
    {
        try
        {
            if (discord)
            {
                _ = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
                _ = services.GetRequiredService<IOptions<DataOptions>>().Value;
            }

            _ = services.GetRequiredService<IOptions<SeedsOptions>>().Value;
            _ = services.GetRequiredService<IOptions<IndexOptions>>().Value;
            _ = services.GetRequiredService<IOptions<AdminOptions>>().Value;
            _ = services.GetRequiredService<IOptions<RankingOptions>>().Value;
            return null;
        }
        catch (OptionsValidationException e)
        {
            return "Invalid configuration: " + string.Join(" ", e.Failures);
        }
        catch (InvalidOperationException e)
        {
            return "Invalid configuration: " + e.Message;
        }
    }
}
