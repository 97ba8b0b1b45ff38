using IncidentBot.Slack.Api;
using IncidentBot.Slack.Commands;
using IncidentBot.Slack.Http;
using IncidentBot.Slack.SocketMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Slack;

/// <summary>Registers the Slack front end: options, Web API client, Socket Mode, HTTP endpoints.</summary>
public static class SlackServiceCollectionExtensions
{
    public static IServiceCollection AddIncidentBotSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SocketModeTimings());

        var client = services.AddHttpClient<SlackApiClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(30);
        });

        // The factory's own logging writes full URLs, and response URLs authenticate like tokens.
        client.RemoveAllLoggers();

        // A response URL is posted to as given: no redirect may carry the post somewhere else.
        client.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.TryAddSingleton<SlackCommandHandler>();
        services.TryAddSingleton<SlackBackgroundWork>();
        services.TryAddSingleton<SlackResponder>();
        services.TryAddSingleton<SocketEnvelopeHandler>();
        services.TryAddSingleton<SocketModeClient>();
        services.TryAddSingleton<SlackHttpEndpoint>();
        return services;
    }
}
