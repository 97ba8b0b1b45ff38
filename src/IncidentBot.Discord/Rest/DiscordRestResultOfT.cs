namespace IncidentBot.Discord.Rest;

/// <summary>A REST outcome with a value on success.</summary>
public sealed record DiscordRestResult<T>(DiscordRestResult Result, T? Value)
{
    public bool IsSuccess => Result.IsSuccess && Value is not null;
}
