using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using NSec.Cryptography;

namespace IncidentBot.Tests.Discord;

/// <summary>
/// Plays Discord's side of signed HTTP interactions (PROTOCOLS.md §3): an Ed25519 key pair made for the test,
/// and requests carrying <c>X-Signature-Ed25519</c> (hex) over <c>X-Signature-Timestamp</c> + raw body.
/// </summary>
internal sealed class InteractionSigner : IDisposable
{
    public const string Path = "/discord/interactions";

    private readonly Key _key;

    public InteractionSigner()
    {
        _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        PublicKeyHex = Convert.ToHexStringLower(_key.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>What <c>Discord:PublicKey</c> must hold: 64 hex characters.</summary>
    public string PublicKeyHex { get; }

    public static string Timestamp() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The hex signature of <paramref name="timestamp"/> followed by <paramref name="body"/>.</summary>
    public string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, message));
    }

    /// <summary>A POST of <paramref name="body"/> signed with this key (or with the signature given).</summary>
    public HttpRequestMessage Request(byte[] body, string? signature = null, string? timestamp = null, HttpContent? content = null)
    {
        timestamp ??= Timestamp();
        var request = Unsigned(body, content);
        request.Headers.Add("X-Signature-Ed25519", signature ?? Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public HttpRequestMessage Request(string json) => Request(Encoding.UTF8.GetBytes(json));

    /// <summary>A POST without signature headers.</summary>
    public static HttpRequestMessage Unsigned(byte[] body, HttpContent? content = null)
    {
        if (content is null)
        {
            content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = content };
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>A body sent with <c>Transfer-Encoding: chunked</c> (no Content-Length), as a proxy might forward it.</summary>
internal sealed class ChunkedContent(byte[] body) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        // Several writes, so the server really reads a stream of chunks.
        for (var offset = 0; offset < body.Length; offset += 8192)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(8192, body.Length - offset)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
