using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Bot-token routes: <c>GET /gateway/bot</c> (gateway.mdx:L717-L779) and command registration
/// (application-commands.mdx:L1266-L1373), plus Discord's JSON 404 for anything else under /api.
/// </summary>
internal static class ApplicationRoutes
{
    public static void Map(IEndpointRouteBuilder routes, FakeDiscord fake)
    {
        const string global = RestPipeline.Prefix + "/applications/{appId}/commands";
        const string guild = RestPipeline.Prefix + "/applications/{appId}/guilds/{guildId}/commands";
        routes.MapGet(RestPipeline.Prefix + "/gateway/bot", context => GatewayBotAsync(context, fake));
        routes.MapGet(global, context => ListAsync(context, fake, guildId: null));
        routes.MapPut(global, context => OverwriteAsync(context, fake, guildId: null));
        routes.MapGet(guild, context => ListAsync(context, fake, RestPipeline.Route(context, "guildId")));
        routes.MapPut(guild, context => OverwriteAsync(context, fake, RestPipeline.Route(context, "guildId")));
        routes.MapFallback(
            "/api/{**rest}",
            context => DiscordErrors.WriteAsync(context, StatusCodes.Status404NotFound, DiscordErrors.NotFound));
    }

    private static Task GatewayBotAsync(HttpContext context, FakeDiscord fake)
    {
        if (!fake.IsAuthorized(context.Request))
        {
            return DiscordErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, DiscordErrors.Unauthorized);
        }

        // Same shape as the documented sample (discord_get_gateway_bot_response.json).
        var body = new JsonObject
        {
            ["url"] = fake.GatewayUrl.AbsoluteUri,
            ["shards"] = fake.RecommendedShards,
            ["session_start_limit"] = new JsonObject
            {
                ["total"] = 1000,
                ["remaining"] = 999,
                ["reset_after"] = 14400000,
                ["max_concurrency"] = fake.MaxConcurrency,
            },
        };
        return DiscordErrors.WriteAsync(context, StatusCodes.Status200OK, body.ToJsonString(FakeJson.Options));
    }

    private static async Task ListAsync(HttpContext context, FakeDiscord fake, string? guildId)
    {
        if (await RejectForeignAsync(context, fake))
        {
            return;
        }

        await DiscordErrors.WriteAsync(context, StatusCodes.Status200OK, fake.Commands.GetJson(guildId));
    }

    private static async Task OverwriteAsync(HttpContext context, FakeDiscord fake, string? guildId)
    {
        if (await RejectForeignAsync(context, fake) || await RestPipeline.ReadJsonAsync(context, fake) is not { } body)
        {
            return;
        }

        if (body.ValueKind != JsonValueKind.Array)
        {
            await RestPipeline.RejectAsync(context, fake, [new FormError(string.Empty, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType")]);
            return;
        }

        var errors = CommandLimits.Validate(body);
        if (errors.Count > 0)
        {
            await RestPipeline.RejectAsync(context, fake, errors);
            return;
        }

        var stored = fake.Commands.Overwrite(fake.ApplicationId, guildId, JsonNode.Parse(body.GetRawText())!.AsArray());
        await DiscordErrors.WriteAsync(context, StatusCodes.Status200OK, stored);
    }

    /// <summary>401 without the bot token; 403 Missing Access for another application's id.</summary>
    private static async Task<bool> RejectForeignAsync(HttpContext context, FakeDiscord fake)
    {
        if (!fake.IsAuthorized(context.Request))
        {
            await DiscordErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, DiscordErrors.Unauthorized);
            return true;
        }

        if (RestPipeline.Route(context, "appId") != fake.ApplicationId)
        {
            fake.AddViolation(context, $"application id in path is not {fake.ApplicationId}");
            await DiscordErrors.WriteAsync(context, StatusCodes.Status403Forbidden, DiscordErrors.MissingAccess);
            return true;
        }

        return false;
    }
}
