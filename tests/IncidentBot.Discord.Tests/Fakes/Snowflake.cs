using System.Globalization;

namespace IncidentBot.Discord.Tests.Fakes;

/// <summary>
/// Makes snowflake-shaped ids: milliseconds since the Discord epoch in the high bits, a counter in the low
/// 12 bits, so clients that derive timestamps from ids (Discord.Net's interaction deadlines) see "now".
/// </summary>
internal static class Snowflake
{
    /// <summary>2015-01-01T00:00:00Z; <c>timestamp = (id &gt;&gt; 22) + epoch</c> (PROTOCOLS.md §2.7).</summary>
    private const long DiscordEpochMs = 1420070400000;

    private static int _counter;

    public static string Next()
    {
        var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - DiscordEpochMs;
        var increment = Interlocked.Increment(ref _counter) & 0xFFF;
        return ((ms << 22) | (uint)increment).ToString(CultureInfo.InvariantCulture);
    }
}
