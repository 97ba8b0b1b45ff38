using IncidentBot.Configuration;
using IncidentBot.Core.Answers;
using IncidentBot.Core.Telemetry;
using IncidentBot.Hosting;
using OpenTelemetry.Metrics;

namespace IncidentBot.Http;

/// <summary>Builds the ASP.NET Core service: HTTP API, health endpoints and the index lifecycle.</summary>
internal static class ServiceApp
{
    public const string DefaultUrls = "http://localhost:8080";

    /// <param name="urls">From <c>--urls</c>; null keeps <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> or settings, else <see cref="DefaultUrls"/>.</param>
    /// <param name="overrides">Settings that win over files and environment (CLI flags, tests).</param>
    public static WebApplication Build(string? urls, IReadOnlyDictionary<string, string?> overrides)
    {
        var contentRoot = AppPaths.FindContentRoot(Directory.GetCurrentDirectory());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddIncidentBotSources(contentRoot, overrides);
        // Readable single lines by default; Logging__Console__FormatterName=json (the container's setting) gives
        // one JSON object per line for log collectors.
        if (string.Equals(builder.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        if (urls is not null)
        {
            builder.WebHost.UseUrls(urls);
        }
        else if (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") is { Length: > 0 } ports
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
        {
            // The .NET container images set ASPNETCORE_HTTP_PORTS=8080: every interface, as a container needs.
            // (Applied here because the host's own reading of it went with the configuration sources cleared above.)
            builder.WebHost.UseUrls(ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(port => $"http://+:{port}").ToArray());
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        builder.Services.AddIncidentBotHost(builder.Configuration, contentRoot);
        builder.Services.AddHostedService<IndexLifecycleService>();
        builder.Services.AddHostedService<DiscordService>();
        builder.Services.AddHostedService<SlackService>();
        builder.Services.AddHostedService<ConversationRetentionService>();
        builder.Services.AddHostedService<SeedsWatchService>();
        builder.Services.AddSingleton<ServiceExitCode>();

        // Shutdown: every hosted service stops at once (Discord and Slack drain their replies side by side), and
        // the whole stop is bounded, so an orchestrator's SIGTERM → SIGKILL grace (10 s by default) is enough.
        builder.Services.Configure<HostOptions>(o =>
        {
            o.ShutdownTimeout = TimeSpan.FromSeconds(8);
            o.ServicesStopConcurrently = true;
        });

        // /metrics: the service's own instruments plus HTTP server and .NET runtime ones, in Prometheus text format.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IncidentBotMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, AnswerJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, HostJsonContext.Default);
        });

        var app = builder.Build();
        app.UseExceptionHandler(handler => handler.Run(context =>
            // A bug, not a bad request: a JSON error without internals.
            Results.Json(new ErrorResponse("Internal error; the service logged the details."), HostJsonContext.Default.ErrorResponse, statusCode: 500)
                .ExecuteAsync(context)));
        app.UseStatusCodePages(context =>
            Results.Json(new ErrorResponse($"HTTP {context.HttpContext.Response.StatusCode}"), HostJsonContext.Default.ErrorResponse, statusCode: context.HttpContext.Response.StatusCode)
                .ExecuteAsync(context.HttpContext));
        // Creating the index gauges resolves the index, which reads its options: only after start-up validated them.
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<IndexMetrics>());
        app.UseIncidentBotPlayground();
        app.MapPrometheusScrapingEndpoint();
        app.MapIncidentBotHealth();
        app.MapIncidentBotApi();
        app.MapDiscordEndpoints();
        app.MapSlackEndpoints();
        return app;
    }
}
