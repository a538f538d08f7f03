using System.Text.Json.Nodes;
using HaloAgent.Engine.Definitions;

namespace HaloAgent.Marketing.Experiments;

/// <summary>A Split node's variants as configured: name, weight and the node its branch goes to (null: the branch ends).</summary>
public sealed record SplitVariant(string Name, double Weight, string? Target);

public sealed record SplitNode(string NodeId, string? Label, IReadOnlyList<SplitVariant> Variants);

/// <summary>
/// Reads the experiments out of a flow definition (every Split node is one) and writes the promoted flow: the Split
/// replaced by a pass-through to the winner's branch, the other branches dropped (they could no longer be reached, and
/// the validator refuses unreachable nodes).
/// </summary>
public static class SplitExperiments
{
    public const string SplitType = "Split";

    private const char IdSeparator = ':';

    public static string IdOf(string flowId, string nodeId) => $"{flowId}{IdSeparator}{nodeId}";

    /// <summary>Splits <c>{flowId}:{nodeId}</c>; null when it is not of that shape.</summary>
    public static (string FlowId, string NodeId)? ParseId(string id)
    {
        var at = id.LastIndexOf(IdSeparator);
        return at <= 0 || at == id.Length - 1 ? null : (id[..at], id[(at + 1)..]);
    }

    public static IReadOnlyList<SplitNode> Find(FlowDefinition flow) =>
        flow.Nodes.Where(n => n.Type == SplitType).Select(n => Read(flow, n)).ToList();

    private static SplitNode Read(FlowDefinition flow, FlowNode node)
    {
        var items = node.Inputs.GetValueOrDefault("variants") as JsonArray ?? [];
        var variants = items.OfType<JsonObject>().Select(o =>
        {
            var name = o["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : "";
            // A missing weight counts as an equal share, as the designer shows it.
            var weight = o["weight"] is JsonValue w && w.TryGetValue<double>(out var d) ? d : 1;
            var target = flow.Edges.FirstOrDefault(e => e.From == node.Id && e.Outcome == name)?.To;
            return new SplitVariant(name, weight, target);
        }).ToList();
        return new SplitNode(node.Id, node.Label, variants);
    }

    /// <summary>
    /// The flow with Split <paramref name="nodeId"/> turned into a Log step (same id, so journals still read) whose only
    /// edge goes where <paramref name="winner"/>'s branch went; nodes only the losing branches reached are removed.
    /// </summary>
    public static FlowDefinition Promote(FlowDefinition flow, string nodeId, string winner)
    {
        var split = flow.Nodes.Single(n => n.Id == nodeId);
        var target = flow.Edges.FirstOrDefault(e => e.From == nodeId && e.Outcome == winner)?.To;
        var passThrough = new FlowNode
        {
            Id = split.Id,
            Type = "Log",
            Label = $"{split.Label ?? "Split"}: {winner} won",
            Position = split.Position,
            Inputs = new Dictionary<string, JsonNode?> { ["message"] = JsonValue.Create($"Experiment {nodeId}: variant '{winner}' was promoted.") },
        };
        var edges = flow.Edges.Where(e => e.From != nodeId).ToList();
        if (target is not null)
        {
            edges.Add(new FlowEdge { From = nodeId, Outcome = Outcomes.Done, To = target });
        }

        // Roots are the nodes nothing led to before (the start nodes); keep what they still reach.
        var roots = flow.Nodes.Where(n => flow.Edges.All(e => e.To != n.Id)).Select(n => n.Id).ToList();
        var reached = new HashSet<string>(roots, StringComparer.Ordinal);
        var queue = new Queue<string>(roots);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in edges.Where(e => e.From == current).Select(e => e.To))
            {
                if (reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return flow with
        {
            Version = null,
            Nodes = flow.Nodes.Where(n => reached.Contains(n.Id)).Select(n => n.Id == nodeId ? passThrough : n).ToList(),
            Edges = edges.Where(e => reached.Contains(e.From) && reached.Contains(e.To)).ToList(),
        };
    }
}
