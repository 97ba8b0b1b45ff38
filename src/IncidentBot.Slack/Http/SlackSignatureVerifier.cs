using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentBot.Slack.Http;

/// <summary>
/// Verifies Slack's request signature: <c>X-Slack-Signature</c> = <c>v0=</c> + hex HMAC-SHA256 of
/// <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c> keyed with the signing secret, compared in constant time, and
/// the timestamp within five minutes of now so a captured request cannot be replayed later. The raw bytes
/// matter: a re-encoded form would not verify.
/// </summary>
public sealed class SlackSignatureVerifier
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private readonly byte[] _secret;
    private readonly TimeProvider _time;

    public SlackSignatureVerifier(string signingSecret, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        _secret = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public SlackSignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SlackSignatureCheck.Missing;
        }

        if (timestamp.Length > 20 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !signature.StartsWith(Version + "=", StringComparison.Ordinal) || signature.Length != Version.Length + 1 + 64)
        {
            return SlackSignatureCheck.Malformed;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(signature.AsSpan(Version.Length + 1), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return SlackSignatureCheck.Malformed;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        if (age.Duration() > MaxAge)
        {
            return SlackSignatureCheck.Stale;
        }

        var prefix = Encoding.ASCII.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_secret, message, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SlackSignatureCheck.Valid : SlackSignatureCheck.Mismatch;
    }
}
