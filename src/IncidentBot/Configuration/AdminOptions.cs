namespace IncidentBot.Configuration;

/// <summary>Administration settings (configuration section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// Bearer key for admin HTTP endpoints. Empty (the default) disables them: a secret belongs in an
    /// environment variable (<c>Admin__ApiKey</c>) or a secrets file, never in the committed settings.
    /// </summary>
    public string ApiKey { get; set; } = string.Empty;

    public bool IsEnabled => !string.IsNullOrEmpty(ApiKey);
}
