using HaloAgent.Engine;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;

namespace HaloAgent.Server.Apis;

/// <summary>Flow documents are read from the raw body with the engine's own JSON rules, so API, files and store agree.</summary>
internal static class FlowBody
{
    /// <exception cref="FlowDocumentTooLargeException">The body is longer than <see cref="EngineLimits.MaxDocumentBytes"/> (413).</exception>
    /// <exception cref="FlowTooLargeException">The flow has more nodes or edges than allowed (422).</exception>
    public static async Task<FlowDefinition> ReadAsync(HttpRequest request, EngineLimits limits, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            FlowSize.EnsureDocumentWithin(declared, limits);
        }

        // Read at most one byte past the limit: a body without a length (chunked) is refused as soon as it is too long.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            FlowSize.EnsureDocumentWithin(buffer.Length, limits);
        }

        var json = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new FlowFormatException("The request body is empty; send a flow document (JSON).");
        }

        return FlowJson.Deserialize(json);
    }
}
