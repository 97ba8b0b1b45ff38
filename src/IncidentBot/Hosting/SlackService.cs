using IncidentBot.Core.Health;
using IncidentBot.Slack;
using IncidentBot.Slack.Api;
using IncidentBot.Slack.Commands;
using IncidentBot.Slack.SocketMode;
using Microsoft.Extensions.Options;

namespace IncidentBot.Hosting;

/// <summary>
/// Runs the Slack front end: checks the bot token, then keeps a Socket Mode connection when an app token is set
/// (the HTTP endpoints answer by themselves when a signing secret is set). A refused app token stops the host
/// with a non-zero exit, as a fatal Discord error does.
/// </summary>
internal sealed partial class SlackService(
    IOptions<SlackOptions> options,
    IServiceProvider services,
    SlackBackgroundWork background,
    ServiceExitCode exitCode,
    ConnectionHealth health,
    IHostApplicationLifetime lifetime,
    ILogger<SlackService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SocketModeEnabled && !settings.HttpEnabled)
        {
            LogOff();
            return;
        }

        LogStarting(settings.SocketModeEnabled, settings.HttpEnabled);
        try
        {
            if (!string.IsNullOrWhiteSpace(settings.BotToken))
            {
                var (result, botUser) = await services.GetRequiredService<SlackApiClient>().AuthTestAsync(stoppingToken).ConfigureAwait(false);
                if (result.Ok)
                {
                    health.Report("slack.api", ConnectionState.Connected, $"bot user {botUser}");
                    LogBotUser(botUser);
                }
                else if (result.IsAuthError)
                {
                    // Answers do not need the bot token (they ride on acks and response_url), so this degrades
                    // rather than fails: readiness stays 200 and says what to fix.
                    health.Report("slack.api", ConnectionState.Degraded, $"auth.test refused the bot token ({result.Error}): check Slack:BotToken");
                    LogBotTokenRefused(result.Error);
                }
                else
                {
                    LogBotTokenUnchecked(result.Error);
                }
            }

            if (settings.SocketModeEnabled)
            {
                var end = await services.GetRequiredService<SocketModeClient>().RunAsync(stoppingToken).ConfigureAwait(false);
                LogFatal(end.Reason);
                exitCode.Fail("Slack: " + end.Reason);
                lifetime.StopApplication();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogCrashed(ex);
            exitCode.Fail("Slack: " + ex.Message);
            lifetime.StopApplication();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await background.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack is off (no Slack:AppToken and no Slack:SigningSecret)")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack front end starting (Socket Mode: {SocketMode}, HTTP endpoints: {Http})")]
    private partial void LogStarting(bool socketMode, bool http);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack bot token accepted (bot user {BotUser})")]
    private partial void LogBotUser(string? botUser);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack refused the bot token ({Error}): check Slack:BotToken")]
    private partial void LogBotTokenRefused(string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the Slack bot token ({Error}); answering anyway")]
    private partial void LogBotTokenUnchecked(string? error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Slack stopped for good: {Reason}. Stopping the service")]
    private partial void LogFatal(string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The Slack front end failed unexpectedly. Stopping the service")]
    private partial void LogCrashed(Exception ex);
}
