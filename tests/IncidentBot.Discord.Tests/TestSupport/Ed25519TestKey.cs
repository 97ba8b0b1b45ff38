using System.Text;
using NSec.Cryptography;

namespace IncidentBot.Discord.Tests.TestSupport;

/// <summary>An Ed25519 key pair that signs like Discord: over <c>X-Signature-Timestamp</c> + raw body.</summary>
internal sealed class Ed25519TestKey : IDisposable
{
    /// <summary>RFC 8032 §7.1 TEST 1 secret key seed (the key of <c>Samples/discord_ed25519_test_vector.json</c>).</summary>
    public const string Rfc8032Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    private readonly Key _key;

    private Ed25519TestKey(Key key)
    {
        _key = key;
        PublicKeyHex = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public string PublicKeyHex { get; }

    /// <summary>A fresh random key pair.</summary>
    public static Ed25519TestKey Create() =>
        new(Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>The RFC 8032 TEST 1 key pair.</summary>
    public static Ed25519TestKey Rfc8032() =>
        new(Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(Rfc8032Seed), KeyBlobFormat.RawPrivateKey));

    /// <summary>The hex signature Discord would send in <c>X-Signature-Ed25519</c>.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        var message = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(written));
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, message));
    }

    public void Dispose() => _key.Dispose();
}
