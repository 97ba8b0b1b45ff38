using System.Text.Json;
using IncidentBot.Discord.Interactions;

namespace IncidentBot.Discord.Tests.TestSupport;

/// <summary>Builds <see cref="Interaction"/> records the way Discord sends them (guild member or DM user).</summary>
internal static class TestInteractions
{
    public const string ApplicationId = "290926444748734465";
    public const string GuildId = "290926798626357999";
    public const string UserId = "53908232506183680";
    public const string OtherUserId = "80351110224678912";
    public const string Token = "aW50ZXJhY3Rpb246ODQ2NDYyNjM5MTM0NjA1MzEyOnNlY3JldA";

    /// <summary>A slash command invoked in a server by a member with <paramref name="permissions"/>.</summary>
    public static Interaction Command(string name, string userId = UserId, string? permissions = "0", params InteractionOption[] options) =>
        InGuild(InteractionType.ApplicationCommand, new InteractionData { Id = "771825006014889984", Name = name, Type = 1, Options = options }, userId, permissions);

    /// <summary>A slash command invoked in a DM (no member: <c>user</c> only).</summary>
    public static Interaction DmCommand(string name, string userId = UserId, params InteractionOption[] options) => new()
    {
        Id = "846462639134605313",
        ApplicationId = ApplicationId,
        Type = InteractionType.ApplicationCommand,
        Data = new InteractionData { Id = "771825006014889984", Name = name, Type = 1, Options = options },
        ChannelId = "645027906669510667",
        User = new DiscordUser { Id = userId, Username = "dm-user" },
        Token = Token,
        Version = 1,
    };

    /// <summary><c>/ask question:… [private:…]</c> in a server.</summary>
    public static Interaction Ask(string question, string userId = UserId, bool? isPrivate = null)
    {
        var options = new List<InteractionOption> { StringOption("question", question) };
        if (isPrivate is { } p)
        {
            options.Add(BooleanOption("private", p));
        }

        return Command(CommandNames.Ask, userId, "0", [.. options]);
    }

    /// <summary>A button click (type 3) carrying <paramref name="customId"/>.</summary>
    public static Interaction Click(string? customId, string userId = UserId) =>
        InGuild(InteractionType.MessageComponent, new InteractionData { CustomId = customId, ComponentType = 2 }, userId, "0");

    public static InteractionOption StringOption(string name, string value) => new() { Name = name, Type = 3, Value = Json(JsonSerializer.Serialize(value)) };

    public static InteractionOption BooleanOption(string name, bool value) => new() { Name = name, Type = 5, Value = Json(value ? "true" : "false") };

    /// <summary>An option whose value is the raw JSON <paramref name="json"/> (any type).</summary>
    public static InteractionOption RawOption(string name, int type, string? json) => new() { Name = name, Type = type, Value = json is null ? null : Json(json) };

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static Interaction InGuild(InteractionType type, InteractionData data, string userId, string? permissions) => new()
    {
        Id = "846462639134605312",
        ApplicationId = ApplicationId,
        Type = type,
        Data = data,
        GuildId = GuildId,
        ChannelId = "645027906669510667",
        Member = new GuildMember { User = new DiscordUser { Id = userId, Username = "member" }, Permissions = permissions },
        Token = Token,
        Version = 1,
        Locale = "en-US",
    };
}
