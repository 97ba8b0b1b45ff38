using System.CommandLine;
using System.Globalization;

namespace IncidentBot.Cli;

/// <summary>
/// <c>health [--url URL] [--live]</c>: asks a running service whether it is ready (or, with <c>--live</c>, alive).
/// Exit 0 when it is, 1 otherwise. It is the container's HEALTHCHECK, so the image needs no curl.
/// </summary>
internal static class HealthCommand
{
    /// <summary>The service inside the container: <c>ASPNETCORE_HTTP_PORTS</c> (8080 in the .NET images).</summary>
    private static string DefaultUrl() =>
        "http://127.0.0.1:" + (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0].Trim() is { Length: > 0 } port ? port : "8080");

    public static Command Create(CliConsole console)
    {
        var url = new Option<string?>("--url") { Description = "Base address of the service (default http://127.0.0.1:$ASPNETCORE_HTTP_PORTS, else 8080)", HelpName = "URL" };
        var live = new Option<bool>("--live") { Description = "Only check that the process answers (/healthz), not that it can answer questions (/readyz)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for an answer (default 5)", DefaultValueFactory = _ => 5 };
        var command = new Command("health", "Check a running service (exit 0 when ready)") { url, live, timeout };
        command.SetAction(async (parse, ct) =>
        {
            var baseUrl = parse.GetValue(url) ?? DefaultUrl();
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                await console.Error.WriteLineAsync($"error: --url must be an absolute http(s) URL, not '{baseUrl}'").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var path = parse.GetValue(live) ? "healthz" : "readyz";
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(timeout), 1, 120)) };
            try
            {
                using var response = await http.GetAsync(new Uri(address, path), ct).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                var line = string.Create(CultureInfo.InvariantCulture, $"{path}: {(int)response.StatusCode} {body}");
                if (response.IsSuccessStatusCode)
                {
                    await console.Out.WriteLineAsync(line).ConfigureAwait(false);
                    return ExitCodes.Success;
                }

                await console.Error.WriteLineAsync(line).ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                await console.Error.WriteLineAsync($"error: no answer from {new Uri(address, path)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
