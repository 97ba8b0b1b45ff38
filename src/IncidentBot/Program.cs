using IncidentBot.Cli;

return await CliApp.RunAsync(args, CliConsole.System, CancellationToken.None).ConfigureAwait(false);
