using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>Slack's official signing test vector (<c>Samples/slack_signature_test_vector.json</c>) and a signer for new bodies.</summary>
internal sealed record SignatureVector(string SigningSecret, string Timestamp, string Body, string Signature)
{
    public static SignatureVector Official { get; } = Load();

    public long UnixSeconds => long.Parse(Timestamp, CultureInfo.InvariantCulture);

    public byte[] BodyBytes => Encoding.UTF8.GetBytes(Body);

    /// <summary><c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{body}</c>, as Slack computes it.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    private static SignatureVector Load()
    {
        var root = SampleFiles.ReadElement(SampleFiles.SignatureVector);
        return new SignatureVector(
            Get(root, "signing_secret"),
            Get(root, "X-Slack-Request-Timestamp"),
            Get(root, "body"),
            Get(root, "X-Slack-Signature"));
    }

    private static string Get(JsonElement root, string name) => root.GetProperty(name).GetString()!;
}
