namespace IncidentBot.Core.Documents;

/// <summary>Metadata found at the top of a seed file; every field is optional.</summary>
/// <param name="Title">Front matter <c>title:</c> or the first <c># heading</c>; null when absent.</param>
/// <param name="Date">Front matter <c>date:</c> or a leading <c>date YYYY-MM-DD</c>; null when absent or invalid.</param>
/// <param name="Url">Front matter <c>url:</c>; null when absent.</param>
public sealed record DocumentMetadata(string? Title, DateOnly? Date, string? Url)
{
    /// <summary>Metadata with no fields set.</summary>
    public static DocumentMetadata Empty { get; } = new(null, null, null);
}
