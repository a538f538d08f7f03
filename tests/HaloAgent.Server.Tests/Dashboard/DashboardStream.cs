using System.Text.Json.Nodes;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>Reads Server-Sent Events from GET /api/stream as a browser's EventSource would.</summary>
public static class DashboardStream
{
    /// <summary>Reads events until one named <paramref name="name"/> (matching <paramref name="match"/>) arrives; returns its data.</summary>
    public static async Task<JsonObject> NextEventAsync(StreamReader reader, string name, CancellationToken cancellationToken, Func<JsonObject, bool>? match = null)
    {
        while (true)
        {
            await ReadUntilAsync(reader, l => l == $"event: {name}", cancellationToken);
            var data = await reader.ReadLineAsync(cancellationToken);
            data.ShouldNotBeNull();
            data.ShouldStartWith("data: ");
            var json = JsonNode.Parse(data["data: ".Length..])!.AsObject();
            if (match is null || match(json))
            {
                return json;
            }
        }
    }

    public static async Task<string> ReadUntilAsync(StreamReader reader, Func<string, bool> done, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (done(line))
            {
                return line;
            }
        }

        throw new EndOfStreamException("The stream ended.");
    }
}
