using Microsoft.AspNetCore.Http;

namespace HaloAgent.Channels.Webhooks;

/// <summary>Reads a request body as bytes, before any model binding, stopping as soon as it passes the limit.</summary>
internal static class RawBody
{
    /// <returns>The body, or null when it is larger than <paramref name="limit"/> bytes (answer 413).</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null; // refused without reading a byte of it
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null; // chunked or lying about its length
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
