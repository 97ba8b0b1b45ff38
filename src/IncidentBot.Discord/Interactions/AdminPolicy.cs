using System.Globalization;
using System.Numerics;

namespace IncidentBot.Discord.Interactions;

/// <summary>
/// Who may run admin commands. <c>default_member_permissions</c> only hides a command in Discord's client,
/// and server owners can change it, so the bot checks again: Administrator or Manage Server in the member's
/// permissions (sent by Discord with every guild interaction), or a user id listed in <c>Discord:AdminUserIds</c>.
/// </summary>
public static class AdminPolicy
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageGuild = 1UL << 5;

    public static bool IsAdmin(Interaction interaction, IEnumerable<string> adminUserIds)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Invoker?.Id is { } userId && adminUserIds.Contains(userId, StringComparer.Ordinal))
        {
            return true;
        }

        // Permissions is a decimal string that can outgrow 64 bits as Discord adds permissions.
        return interaction.Member?.Permissions is { } text
            && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
            && (permissions & (Administrator | ManageGuild)) != BigInteger.Zero;
    }
}
