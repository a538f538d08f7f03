using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Expressions;
using HaloAgent.Engine.Templates;
using Polly;

namespace HaloAgent.Engine.Execution;

/// <summary>
/// A validated flow version, ready to run: activities resolved, edges indexed, every expression and template
/// parsed once. Published versions are immutable, so one instance serves every run of that version.
/// </summary>
public sealed class CompiledFlow
{
    private readonly Dictionary<string, FlowNode> _nodes;
    private readonly Dictionary<string, IActivity> _activities;
    private readonly Dictionary<(string From, string Outcome), string> _edges;
    private readonly Dictionary<string, Expression> _expressions;
    private readonly Dictionary<string, CompiledTemplate> _templates;
    private readonly Dictionary<string, ResiliencePipeline> _retryPipelines;
    private readonly IReadOnlySet<string> _nodesOnLoops;

    internal CompiledFlow(
        FlowDefinition definition,
        int version,
        Dictionary<string, FlowNode> nodes,
        Dictionary<string, IActivity> activities,
        Dictionary<(string, string), string> edges,
        Dictionary<string, Expression> expressions,
        Dictionary<string, CompiledTemplate> templates,
        Dictionary<string, ResiliencePipeline> retryPipelines,
        IReadOnlySet<string> nodesOnLoops)
    {
        _nodesOnLoops = nodesOnLoops;
        Definition = definition;
        Version = version;
        _nodes = nodes;
        _activities = activities;
        _edges = edges;
        _expressions = expressions;
        _templates = templates;
        _retryPipelines = retryPipelines;
        StartNodes = definition.Nodes.Where(n => activities[n.Id].Descriptor.IsStart).ToList();
    }

    public FlowDefinition Definition { get; }

    public string FlowId => Definition.Id;

    public int Version { get; }

    public IReadOnlyList<FlowNode> StartNodes { get; }

    public FlowNode Node(string id) =>
        _nodes.TryGetValue(id, out var node) ? node : throw new KeyNotFoundException($"Flow '{FlowId}' v{Version} has no node '{id}'.");

    public bool HasNode(string id) => _nodes.ContainsKey(id);

    public IActivity Activity(string nodeId) => _activities[nodeId];

    /// <summary>Whether the node lies on a loop (so a timer there must wait the minimum loop wait).</summary>
    public bool IsOnLoop(string nodeId) => _nodesOnLoops.Contains(nodeId);

    /// <summary>The node an outcome leads to, or null when the outcome is not connected (the flow ends there).</summary>
    public string? Next(string nodeId, string outcome) => _edges.TryGetValue((nodeId, outcome), out var to) ? to : null;

    public Expression Expression(string source) =>
        _expressions.TryGetValue(source, out var expression) ? expression : Expressions.Expression.Parse(source);

    internal CompiledTemplate? Template(string source) => _templates.GetValueOrDefault(source);

    internal ResiliencePipeline RetryPipeline(string nodeId) => _retryPipelines.GetValueOrDefault(nodeId) ?? ResiliencePipeline.Empty;
}
