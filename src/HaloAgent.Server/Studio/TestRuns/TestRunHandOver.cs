using System.Text.Json.Nodes;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>The run handed the chat to a person (its flow ran a "Hand over to a person" step): where, and why.</summary>
public sealed record TestRunHandOver(string NodeId, string? Reason);

public static class TestRunHandOvers
{
    /// <summary>The activity that hands a chat over (HaloAgent.Agent's EscalateActivity).</summary>
    public const string EscalateType = "Escalate";

    /// <summary>A flow that finished after handing over ended as a hand-over, not as "Completed".</summary>
    public const string HandedOver = "HandedOver";

    /// <summary>The latest hand-over step of the run's journal (the reason as the step evaluated it), or null.</summary>
    public static TestRunHandOver? From(JsonArray? journal)
    {
        var step = journal?.OfType<JsonObject>().LastOrDefault(e =>
            e["activityType"]?.GetValue<string>() == EscalateType && e["kind"]?.GetValue<string>() == "executed");
        return step is null
            ? null
            : new TestRunHandOver(step["nodeId"]?.GetValue<string>() ?? "", step["inputs"]?["reason"] is JsonValue reason && reason.TryGetValue<string>(out var text) ? text : null);
    }
}
