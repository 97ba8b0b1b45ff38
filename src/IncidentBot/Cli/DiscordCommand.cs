using System.CommandLine;
using IncidentBot.Configuration;
using IncidentBot.Discord;
using IncidentBot.Discord.Commands;
using Microsoft.Extensions.Options;

namespace IncidentBot.Cli;

/// <summary><c>discord register [--force]</c>: registers the slash commands now (the service also does at start-up).</summary>
internal static class DiscordCommand
{
    public static Command Create(CliConsole console)
    {
        var seeds = CliOptions.Seeds();
        var index = CliOptions.Index();
        var force = new Option<bool>("--force") { Description = "Overwrite even when Discord already has the same definitions" };
        var register = new Command("register", "Register /ask, /sources and /reindex (globally, or in Discord:GuildId)") { force, seeds, index };
        register.SetAction(async (parse, ct) => await CliSession.RunAsync(console, parse, seeds, index, needsIndex: false, async session =>
        {
            if (HostSetup.ValidateOptions(session.Services, discord: true) is { } error)
            {
                await console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var options = session.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.Token) || string.IsNullOrWhiteSpace(options.ApplicationId))
            {
                await console.Error.WriteLineAsync("error: registering needs Discord:Token and Discord:ApplicationId (e.g. the Discord__Token and Discord__ApplicationId environment variables)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var result = await session.Services.GetRequiredService<CommandRegistrar>().RegisterAsync(parse.GetValue(force), ct).ConfigureAwait(false);
            switch (result.Status)
            {
                case CommandRegistrationStatus.Registered:
                    await console.Out.WriteLineAsync($"registered {result.Commands} commands ({result.Scope})").ConfigureAwait(false);
                    break;
                case CommandRegistrationStatus.Unchanged:
                    await console.Out.WriteLineAsync($"unchanged: Discord already has these {result.Commands} commands ({result.Scope}); use --force to overwrite").ConfigureAwait(false);
                    break;
                default:
                    await console.Error.WriteLineAsync($"error: registering failed ({result.Scope}): {result.Error}").ConfigureAwait(false);
                    return ExitCodes.Failure;
            }

            await console.Out.WriteLineAsync($"invite: {DiscordServiceCollectionExtensions.InviteUrl(options.ApplicationId)}").ConfigureAwait(false);
            return ExitCodes.Success;
        }, ct).ConfigureAwait(false));
        return new Command("discord", "Discord set-up tasks") { register };
    }
}
