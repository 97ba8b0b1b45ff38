using System.Net;
using System.Net.Http.Headers;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Http;
using IncidentBot.Discord.Interactions;
using IncidentBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IncidentBot.Discord;

/// <summary>Registers the Discord front end: options, REST client, gateway, interactions.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>Discord requires a User-Agent of this form ("DiscordBot ($url, $versionNumber)").</summary>
    public const string UserAgent = "DiscordBot (https://github.com/incidentbot/incidentbot, 1.0)";

    public static IServiceCollection AddIncidentBotDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new GatewayTimings());
        services.TryAddSingleton<DiscordRateLimitState>();
        services.TryAddTransient<DiscordRateLimitHandler>();

        var client = services.AddHttpClient<DiscordRestClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
                http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
                // Longer than the longest rate-limit wait (60 s): the timeout spans every handler, waits included.
                http.Timeout = TimeSpan.FromSeconds(100);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                if (!string.IsNullOrWhiteSpace(options.Token))
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
                }
            });

        // The factory's own request logging writes full URLs, and interaction URLs carry tokens; the client logs
        // redacted routes itself.
        client.RemoveAllLoggers();

        // Order matters: the retry handler is outside, so each attempt passes the rate-limit handler.
        client.AddResilienceHandler("discord-retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<DiscordOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.RestRetries),
                    Delay = TimeSpan.FromMilliseconds(options.RestRetryDelayMs),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,

                    // 429 is handled inside, per bucket, by DiscordRateLimitHandler; here only server errors and faults,
                    // and never a webhook POST (a follow-up message): if the first one did arrive, a retry posts it twice.
                    ShouldHandle = args => ValueTask.FromResult(options.RestRetries > 0 && !IsFollowUp(args.Context.GetRequestMessage()) && args.Outcome switch
                    {
                        { Exception: HttpRequestException } => true,
                        { Result.StatusCode: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
                        _ => false,
                    }),
                });
            });
        client.AddHttpMessageHandler<DiscordRateLimitHandler>();

        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<InteractionHandler>();
        services.TryAddSingleton<DeferredReplies>();
        services.TryAddSingleton<InteractionResponder>();
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<IGatewayEventSink>(provider => provider.GetRequiredService<InteractionDispatcher>());
        services.TryAddSingleton<GatewayClient>();
        services.TryAddSingleton<HttpInteractionEndpoint>();
        return services;
    }

    private static bool IsFollowUp(HttpRequestMessage? request) =>
        request?.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.Contains("/webhooks/", StringComparison.Ordinal) == true;

    /// <summary>The link that adds the bot to a server: bot user plus slash commands, no extra permissions.</summary>
    public static string InviteUrl(string applicationId) =>
        $"https://discord.com/oauth2/authorize?client_id={Uri.EscapeDataString(applicationId)}&scope=bot%20applications.commands&permissions=0";
}
