using System.Text;
using NSec.Cryptography;

namespace IncidentBot.Discord.Http;

/// <summary>
/// Verifies Discord's Ed25519 signature on HTTP interactions: <c>X-Signature-Ed25519</c> (hex) over the bytes of
/// <c>X-Signature-Timestamp</c> followed by the raw body, with the application's public key. The raw bytes
/// matter: a re-serialised body would not verify. Discord sends deliberately bad signatures to check that
/// endpoints refuse them.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    private const int SignatureBytes = 64;
    private const int MaxTimestampChars = 32;

    private readonly PublicKey _key;

    public InteractionSignatureVerifier(string publicKeyHex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKeyHex);
        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
    }

    /// <summary>True only for a well-formed signature that matches; any malformed input is simply false.</summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: SignatureBytes * 2 } || string.IsNullOrEmpty(timestamp) || timestamp.Length > MaxTimestampChars)
        {
            return false;
        }

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != SignatureBytes)
        {
            return false;
        }

        var timestampBytes = Encoding.UTF8.GetByteCount(timestamp);
        var message = new byte[timestampBytes + body.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestampBytes));
        return SignatureAlgorithm.Ed25519.Verify(_key, message, signature);
    }
}
