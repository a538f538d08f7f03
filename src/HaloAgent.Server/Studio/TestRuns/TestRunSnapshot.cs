using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Channels.History;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// What an ended run shows (where its flow stopped, the conversation and the path taken), kept in the run row
/// (<see cref="TestRunRecord.Snapshot"/>) because the instance, contact and messages it was read from are deleted.
/// </summary>
public sealed record TestRunSnapshot(string? CurrentNodeId, string? Incident, IReadOnlyList<ConversationEntry> Messages, JsonArray Journal)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TestRunSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<TestRunSnapshot>(json, Json) ?? throw new JsonException("A test run's snapshot is empty.");
}
