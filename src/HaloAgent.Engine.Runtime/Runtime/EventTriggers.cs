using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Execution;

namespace HaloAgent.Engine.Runtime.Runtime;

internal static class EventTriggers
{
    /// <summary>
    /// Whether an event Start node's condition holds for the event (no condition: always). A condition that cannot be
    /// evaluated for this payload does not start the flow.
    /// </summary>
    public static bool Hold(CompiledFlow flow, string nodeId, object? payload, DateTimeOffset now)
    {
        var condition = StartActivity.NodeText(flow.Node(nodeId), "condition");
        if (string.IsNullOrWhiteSpace(condition))
        {
            return true;
        }

        var scope = new Dictionary<string, object?>(StringComparer.Ordinal) { ["event"] = payload, ["vars"] = null, ["instance"] = null, ["nodes"] = null };
        try
        {
            return flow.Expression(condition).EvaluateCondition(scope, now);
        }
        catch (Expressions.ExpressionEvaluationException)
        {
            return false;
        }
    }
}
