using IncidentBot.Discord;
using IncidentBot.Discord.Commands;
using IncidentBot.Discord.Gateway;
using IncidentBot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>
/// Runs the Discord front end in the mode configured: registers the slash commands (only when changed, beside
/// the gateway so one does not wait for the other), then in Gateway mode keeps the shards connected and answers
/// interactions; in HTTP mode the endpoint answers. A fatal gateway error (bad token, sharding) or a bug in the
/// gateway stops the host with a non-zero exit, so an orchestrator notices.
/// </summary>
internal sealed partial class DiscordService(
    IOptions<DiscordOptions> options,
    IServiceProvider services,
    DeferredReplies deferred,
    ServiceExitCode exitCode,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordService> logger) : BackgroundService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan[] RegistrationRetries = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

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
        var registration = settings.RegisterCommands && !string.IsNullOrWhiteSpace(settings.Token)
            ? RegisterAsync(stoppingToken)
            : Task.CompletedTask;
        try
        {
            if (mode == DiscordMode.Gateway)
            {
                await RunGatewayAsync(settings, stoppingToken).ConfigureAwait(false);
            }

            await registration.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogCrashed(ex);
            exitCode.Fail("Discord: " + ex.Message);
            lifetime.StopApplication();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Replies already deferred ("thinking…") get a few seconds to be filled in before their work is cancelled.
        await deferred.DrainAsync(DrainTimeout).ConfigureAwait(false);
    }

    private async Task RunGatewayAsync(DiscordOptions settings, CancellationToken stoppingToken)
    {
        var dispatcher = services.GetRequiredService<InteractionDispatcher>();
        var responder = services.GetRequiredService<InteractionResponder>();

        // The workers stop when the deferred replies are drained (StopAsync), not when the socket closes.
        var workers = dispatcher.RunAsync(responder, settings.InteractionWorkers, deferred.Stopping);
        try
        {
            var result = await services.GetRequiredService<GatewayClient>().RunAsync(stoppingToken).ConfigureAwait(false);
            LogFatal(result.Reason);
            exitCode.Fail("Discord: " + result.Reason);
            lifetime.StopApplication();
        }
        finally
        {
            await deferred.DrainAsync(DrainTimeout).ConfigureAwait(false);
            await workers.ConfigureAwait(false);
        }
    }

    /// <summary>Registers, retrying failures that may pass (Discord unreachable, 5xx); the bot answers meanwhile.</summary>
    private async Task RegisterAsync(CancellationToken stoppingToken)
    {
        var registrar = services.GetRequiredService<CommandRegistrar>();
        for (var attempt = 0; ; attempt++)
        {
            var result = await registrar.RegisterAsync(force: false, stoppingToken).ConfigureAwait(false);
            if (result.Status != CommandRegistrationStatus.Failed || !result.Retryable || attempt >= RegistrationRetries.Length)
            {
                return;
            }

            await Task.Delay(RegistrationRetries[attempt], stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord is off (no Discord:Token and no Discord:Mode)")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord front end starting in {Mode} mode; invite the bot with {InviteUrl}")]
    private partial void LogStarting(DiscordMode mode, string inviteUrl);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord stopped for good: {Reason}. Stopping the service")]
    private partial void LogFatal(string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The Discord front end failed unexpectedly. Stopping the service")]
    private partial void LogCrashed(Exception ex);
}
