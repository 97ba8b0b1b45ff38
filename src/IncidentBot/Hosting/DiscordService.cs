using IncidentBot.Discord;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>
/// Runs the Discord front end in the mode configured: registers the slash commands (only when changed), then in
/// Gateway mode keeps the shards connected and answers interactions; in HTTP mode the endpoint answers and this
/// service only registers. A fatal gateway error (bad token, sharding) stops the host with a non-zero exit.
/// </summary>
internal sealed partial class DiscordService(
    IOptions<DiscordOptions> options,
    IServiceProvider services,
    ServiceExitCode exitCode,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordService> logger) : BackgroundService
{
    private const int Workers = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var mode = settings.EffectiveMode;
        if (mode == DiscordMode.Off)
        {
            LogOff();
            return;
        }

        var invite = DiscordServiceCollectionExtensions.InviteUrl(settings.ApplicationId!);
        LogStarting(mode, invite);
        if (settings.RegisterCommands && !string.IsNullOrWhiteSpace(settings.Token))
        {
            // A failure is logged and the bot still answers: commands registered earlier keep working.
            await services.GetRequiredService<CommandRegistrar>().RegisterAsync(force: false, stoppingToken).ConfigureAwait(false);
        }

        if (mode != DiscordMode.Gateway)
        {
            return;
        }

        var dispatcher = services.GetRequiredService<InteractionDispatcher>();
        var responder = services.GetRequiredService<InteractionResponder>();
        using var workersStop = new CancellationTokenSource();
        var workers = dispatcher.RunAsync(responder, Workers, workersStop.Token);
        try
        {
            var result = await services.GetRequiredService<GatewayClient>().RunAsync(stoppingToken).ConfigureAwait(false);
            LogFatal(result.Reason);
            exitCode.Fail("Discord: " + result.Reason);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await workersStop.CancelAsync().ConfigureAwait(false);
            await workers.ConfigureAwait(false);
            await services.GetRequiredService<DeferredReplies>().DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord is off (no Discord:Token and no Discord:Mode)")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord front end starting in {Mode} mode; invite the bot with {InviteUrl}")]
    private partial void LogStarting(DiscordMode mode, string inviteUrl);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord stopped for good: {Reason}. Stopping the service")]
    private partial void LogFatal(string reason);
}
