using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Interaction response routes (receiving-and-responding.mdx:L440-L494). They need no Authorization
/// header: the interaction token in the path is the credential, as for any webhook.
/// </summary>
internal static class InteractionRoutes
{
    public static void Map(IEndpointRouteBuilder routes, FakeDiscord fake)
    {
        const string webhook = RestPipeline.Prefix + "/webhooks/{appId}/{token}";
        routes.MapPost(RestPipeline.Prefix + "/interactions/{interactionId}/{token}/callback", context => CallbackAsync(context, fake));
        routes.MapPost(webhook, context => FollowUpAsync(context, fake));
        routes.MapMethods(webhook + "/messages/{messageId}", [HttpMethods.Patch], context => EditAsync(context, fake));
    }

    private static async Task CallbackAsync(HttpContext context, FakeDiscord fake)
    {
        var interactionId = RestPipeline.Route(context, "interactionId");
        if (fake.ExpiredInteractions.Contains(interactionId))
        {
            // The 3 s window passed (or the token was otherwise invalidated): Discord answers 10062.
            await DiscordErrors.WriteAsync(context, StatusCodes.Status404NotFound, DiscordErrors.UnknownInteraction);
            return;
        }

        if (await RestPipeline.ReadJsonAsync(context, fake) is not { } body)
        {
            return;
        }

        var errors = new List<FormError>();
        var type = CallbackRules.Validate(body, errors, out var empty);
        if (errors.Count > 0 || type is null)
        {
            await RestPipeline.RejectAsync(context, fake, errors);
            return;
        }

        if (empty)
        {
            fake.AddViolation(context, "type 4 response without content, embeds or components");
            await DiscordErrors.WriteAsync(context, StatusCodes.Status400BadRequest, DiscordErrors.EmptyMessage);
            return;
        }

        var data = JsonNode.Parse(body.GetRawText())!["data"] as JsonObject;
        var token = RestPipeline.Route(context, "token");
        if (!fake.Interactions.TryAcknowledge(interactionId, token, type.Value, data, fake.ApplicationId))
        {
            await DiscordErrors.WriteAsync(context, StatusCodes.Status400BadRequest, DiscordErrors.AlreadyAcknowledged);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task FollowUpAsync(HttpContext context, FakeDiscord fake)
    {
        if (await ReadWebhookMessageAsync(context, fake) is not { } body)
        {
            return;
        }

        if (!MessageLimits.HasContent(body))
        {
            fake.AddViolation(context, "follow-up without content, embeds or components");
            await DiscordErrors.WriteAsync(context, StatusCodes.Status400BadRequest, DiscordErrors.EmptyMessage);
            return;
        }

        var message = fake.Interactions.CreateFollowUp(RestPipeline.Route(context, "token"), ToObject(body), fake.ApplicationId);
        await DiscordErrors.WriteAsync(context, StatusCodes.Status200OK, message.ToJsonString(FakeJson.Options));
    }

    private static async Task EditAsync(HttpContext context, FakeDiscord fake)
    {
        if (await ReadWebhookMessageAsync(context, fake) is not { } body)
        {
            return;
        }

        var edited = fake.Interactions.Edit(RestPipeline.Route(context, "token"), RestPipeline.Route(context, "messageId"), ToObject(body));
        await (edited is null
            ? DiscordErrors.WriteAsync(context, StatusCodes.Status404NotFound, DiscordErrors.UnknownMessage)
            : DiscordErrors.WriteAsync(context, StatusCodes.Status200OK, edited.ToJsonString(FakeJson.Options)));
    }

    /// <summary>
    /// Resolves the interaction webhook and validates the message body; answers the error and returns null
    /// when the webhook is unknown (wrong application id, or no initial response yet), expired, or invalid.
    /// </summary>
    private static async Task<JsonElement?> ReadWebhookMessageAsync(HttpContext context, FakeDiscord fake)
    {
        var token = RestPipeline.Route(context, "token");
        var interactionId = fake.Interactions.InteractionIdFor(token);
        if (RestPipeline.Route(context, "appId") != fake.ApplicationId)
        {
            fake.AddViolation(context, $"the webhook id of an interaction is the application id ({fake.ApplicationId})");
            await DiscordErrors.WriteAsync(context, StatusCodes.Status404NotFound, DiscordErrors.UnknownWebhook);
            return null;
        }

        if (interactionId is null)
        {
            // Discord only creates the interaction webhook with the initial response. Lenient by default so
            // REST helpers can be tested alone; the violation still shows the ordering mistake.
            fake.AddViolation(context, "interaction webhook used before the interaction got its initial response");
            if (fake.RequireCallbackBeforeWebhook)
            {
                await DiscordErrors.WriteAsync(context, StatusCodes.Status404NotFound, DiscordErrors.UnknownWebhook);
                return null;
            }

            fake.Interactions.AssumeDeferred(token, fake.ApplicationId);
        }
        else if (fake.ExpiredInteractions.Contains(interactionId))
        {
            // Interaction tokens live 15 minutes; after that the webhook token is rejected.
            await DiscordErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, DiscordErrors.InvalidWebhookToken);
            return null;
        }

        if (await RestPipeline.ReadJsonAsync(context, fake) is not { } body)
        {
            return null;
        }

        var errors = MessageLimits.Validate(body);
        if (errors.Count > 0)
        {
            await RestPipeline.RejectAsync(context, fake, errors);
            return null;
        }

        return body;
    }

    private static JsonObject ToObject(JsonElement body) => JsonNode.Parse(body.GetRawText())!.AsObject();
}
