using IncidentBot.Core;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using Microsoft.Extensions.Options;

namespace IncidentBot.Configuration;

/// <summary>Configuration sources and service registrations shared by the CLI verbs and the service.</summary>
internal static class HostSetup
{
    /// <summary>Layers settings: <c>appsettings.json</c>, then environment variables (<c>Seeds__Path</c>), then CLI flags.</summary>
    public static IConfigurationBuilder AddIncidentBotSources(
        this IConfigurationBuilder builder, string contentRoot, IReadOnlyDictionary<string, string?> overrides)
    {
        builder.AddJsonFile(Path.Combine(contentRoot, AppPaths.SettingsFileName), optional: true, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        builder.AddInMemoryCollection(overrides);
        return builder;
    }

    public static IServiceCollection AddIncidentBotHost(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddIncidentBotCore(configuration);
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));

        // Relative paths in settings are relative to the settings file's folder (see AppPaths).
        services.PostConfigure<SeedsOptions>(o => o.Path = AppPaths.Resolve(contentRoot, o.Path));
        services.PostConfigure<IndexOptions>(o => o.Path = AppPaths.Resolve(contentRoot, o.Path));
        return services;
    }

    /// <summary>Reads the options now so a bad setting fails with its message before any work starts.</summary>
    public static string? ValidateOptions(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<SeedsOptions>>().Value;
            _ = services.GetRequiredService<IOptions<IndexOptions>>().Value;
            _ = services.GetRequiredService<IOptions<AdminOptions>>().Value;
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
