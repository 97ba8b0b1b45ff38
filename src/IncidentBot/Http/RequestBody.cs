namespace IncidentBot.Http;

/// <summary>Reads a request body whole, within a limit: signatures cover the raw bytes, so they are read before parsing.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it exceeds <paramref name="limit"/> (chunked bodies have no Content-Length).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
