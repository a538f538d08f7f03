namespace HaloAgent.Engine.Tests.Support;

/// <summary>Builds small flow documents (JSON, as the Studio saves them) for tests.</summary>
public static class TestFlows
{
    /// <summary>A flow document with the given node and edge JSON fragments (comma-separated objects).</summary>
    public static string Flow(string nodes, string edges = "", string id = "test-flow", string name = "Test flow", string extra = "") => $$"""
        {
          "id": "{{id}}",
          "name": "{{name}}",
          {{extra}}
          "nodes": [ {{nodes}} ],
          "edges": [ {{edges}} ]
        }
        """;

    /// <summary>A manual Start node followed by one node (whose id must be <c>n</c>).</summary>
    public static string StartThen(string nodeJson) =>
        Flow($$"""{ "id": "start", "type": "Start" }, {{nodeJson}}""", """{ "from": "start", "to": "n" }""");
}
