using IncidentBot.Configuration;
using IncidentBot.Discord;
using IncidentBot.Slack;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace IncidentBot.Http;

/// <summary>
/// The web playground at <c>/</c>: three static files embedded in the assembly (no CDN, nothing fetched at run
/// time) that talk only to the public API. Served with a strict content security policy: the page runs its own
/// script and nothing else, so text from documents can never become markup or script.
/// </summary>
internal static partial class PlaygroundEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void UseIncidentBotPlayground(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Enabled)
        {
            return;
        }

        var files = new ManifestEmbeddedFileProvider(typeof(PlaygroundEndpoints).Assembly, "Playground");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        var types = new FileExtensionContentTypeProvider();
        foreach (var (extension, type) in new[] { (".html", "text/html"), (".css", "text/css"), (".js", "text/javascript") })
        {
            // The files are UTF-8 ("¶", "—"); say so rather than leave the browser to guess.
            types.Mappings[extension] = type + "; charset=utf-8";
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";

                // Revalidate every time (cheap with the ETag): a new version of the app must not run an old script.
                headers.CacheControl = "no-cache";
            },
        });
        app.Lifetime.ApplicationStarted.Register(() => Announce(app));
    }

    /// <summary>Without any chat platform, the playground is the way in: say so, with its address.</summary>
    private static void Announce(WebApplication app)
    {
        var discord = app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        var slack = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlaygroundEndpoints).FullName!);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var url = address is null ? "/" : Browsable(address);
        if (discord.EffectiveMode == DiscordMode.Off && !slack.SocketModeEnabled && !slack.HttpEnabled)
        {
            LogNoChat(logger, url);
        }
        else
        {
            LogPlayground(logger, url);
        }
    }

    /// <summary>A listening address as one can open it in a browser (wildcard hosts become localhost).</summary>
    internal static string Browsable(string address)
    {
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = host }.Uri.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No chat platform is configured (Discord or Slack); ask questions in the playground at {Url}")]
    private static partial void LogNoChat(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Playground at {Url}")]
    private static partial void LogPlayground(ILogger logger, string url);
}
