using HaloAgent.Engine.Definitions;

namespace HaloAgent.Server.Apis;

/// <summary>Flow documents are read from the raw body with the engine's own JSON rules, so API, files and store agree.</summary>
internal static class FlowBody
{
    public static async Task<FlowDefinition> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new FlowFormatException("The request body is empty; send a flow document (JSON).");
        }

        return FlowJson.Deserialize(json);
    }
}
