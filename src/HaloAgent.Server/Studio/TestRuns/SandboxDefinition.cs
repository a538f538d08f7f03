using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Definitions;
using HaloAgent.Platform.Events;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// Turns the tested draft into the hidden copy that runs for the sandbox contact, and says how its instance starts.
/// </summary>
/// <remarks>
/// Why every Start node becomes manual: publishing a flow registers its event and cron triggers, and the runtime starts
/// an event-triggered flow for <em>every</em> correlation key (a real customer's <c>message.received</c> would start the
/// test copy too). A copy without triggers can only be started by the test run itself, for its sandbox contact; the
/// chosen Start node's original trigger is kept in the run (<see cref="TestRunRecord.StartEvent"/>) so the instance
/// starts on that event from the sandbox contact, as the published flow would.
/// </remarks>
public static class SandboxDefinition
{
    public sealed record Plan(FlowDefinition Sandbox, string StartNodeId, string? StartEvent);

    public static Plan Create(FlowDefinition draft, string sandboxFlowId)
    {
        var starts = draft.Nodes.Where(n => n.Type == StartActivity.TypeName).ToList();
        if (starts.Count == 0)
        {
            throw new FlowFormatException("The flow has no Start node to test from.");
        }

        // A conversation is what a test run simulates: prefer the Start node a customer's message triggers.
        var start = starts.FirstOrDefault(n => Trigger(n) == StartActivity.Triggers.Event && StartActivity.NodeText(n, "event") == EventNames.MessageReceived)
            ?? starts[0];
        var startEvent = Trigger(start) == StartActivity.Triggers.Event ? StartActivity.NodeText(start, "event") : null;

        var nodes = draft.Nodes.Select(n => n.Type == StartActivity.TypeName ? Manual(n) : n).ToList();
        var sandbox = draft with
        {
            Id = sandboxFlowId,
            Name = $"Test run of {draft.Name}",
            Description = $"Sandbox copy of '{draft.Id}' for one test run; it has no triggers and only runs for its sandbox contact.",
            Version = null,
            Nodes = nodes,
        };
        return new Plan(sandbox, start.Id, startEvent);
    }

    private static string Trigger(FlowNode node) => StartActivity.NodeText(node, "trigger") ?? StartActivity.Triggers.Manual;

    private static FlowNode Manual(FlowNode node)
    {
        var inputs = node.Inputs
            .Where(i => i.Key is not ("trigger" or "event" or "cron" or "condition"))
            .ToDictionary(i => i.Key, i => i.Value?.DeepClone(), StringComparer.Ordinal);
        inputs["trigger"] = JsonValue.Create(StartActivity.Triggers.Manual);
        return node with { Inputs = inputs };
    }
}
