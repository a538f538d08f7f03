using System.Text;

namespace HaloAgent.Server.Tests.Apis;

/// <summary>Flow documents over the size limits, as the Studio would save them (API and browser tests share them).</summary>
public static class LargeFlows
{
    /// <summary>Start → n1 → … → nN: <paramref name="length"/> + 1 nodes and <paramref name="length"/> edges.</summary>
    public static string Chain(string id, int length)
    {
        var json = new StringBuilder($$"""{ "id": "{{id}}", "name": "Chain", "nodes": [ { "id": "start", "type": "Start" }""");
        for (var i = 1; i <= length; i++)
        {
            json.Append($$""", { "id": "n{{i}}", "type": "SetVariable", "inputs": { "name": "x", "value": "1" }, "position": { "x": 0, "y": {{i * 100}} } }""");
        }

        json.Append("""], "edges": [ """);
        for (var i = 1; i <= length; i++)
        {
            json.Append($$"""{{(i == 1 ? "" : ", ")}}{ "from": "{{(i == 1 ? "start" : $"n{i - 1}")}}", "to": "n{{i}}" }""");
        }

        return json.Append("] }").ToString();
    }

    /// <summary>Two nodes, but a Log message of <paramref name="bytes"/> characters: over the byte limit, not the node limit.</summary>
    public static string Wordy(string id, int bytes) => $$"""
        { "id": "{{id}}", "name": "Wordy", "nodes": [
            { "id": "start", "type": "Start", "position": { "x": 0, "y": 0 } },
            { "id": "log", "type": "Log", "inputs": { "message": "{{new string('a', bytes)}}" }, "position": { "x": 0, "y": 150 } } ],
          "edges": [ { "from": "start", "to": "log" } ] }
        """;
}
