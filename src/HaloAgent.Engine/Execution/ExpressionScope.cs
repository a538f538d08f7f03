using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Templates;

namespace HaloAgent.Engine.Execution;

/// <summary>
/// The data expressions and templates see during a run: <c>vars</c>, <c>event</c>, <c>instance</c> and <c>nodes</c>.
/// It wraps the instance state's own dictionaries, so a SetVariable is visible to the next step without copying.
/// </summary>
internal sealed class ExpressionScope
{
    public static readonly IReadOnlySet<string> Roots = new HashSet<string>(StringComparer.Ordinal) { "vars", "event", "instance", "nodes" };

    private readonly CompiledFlow _flow;
    private readonly TemplateEngine _templates;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, object?> _data;

    public ExpressionScope(CompiledFlow flow, FlowInstanceState state, TemplateEngine templates, TimeProvider clock)
    {
        _flow = flow;
        _templates = templates;
        _clock = clock;
        Instance = state.Info;
        Variables = state.Variables;
        _data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["vars"] = state.Variables,
            ["event"] = state.Event,
            ["nodes"] = state.NodeOutputs,
            ["instance"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = state.Id,
                ["flowId"] = state.FlowId,
                ["version"] = (decimal)state.Version,
                ["correlationKey"] = state.CorrelationKey,
            },
        };
    }

    public InstanceInfo Instance { get; }

    public Dictionary<string, object?> Variables { get; }

    public object? Event
    {
        get => _data["event"];
        set => _data["event"] = value;
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    public IReadOnlyDictionary<string, object?> Data => _data;

    public object? Evaluate(string expression) => _flow.Expression(expression).Evaluate(_data, Now);

    public bool EvaluateCondition(string expression) => _flow.Expression(expression).EvaluateCondition(_data, Now);

    public string Render(string template) =>
        (_flow.Template(template) ?? _templates.Compile(template)).Render(_data);

    /// <summary>The variant each Split node of this flow gave the instance so far (its <c>variant</c> output), in flow order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AssignedVariants()
    {
        var outputs = (Dictionary<string, object?>)_data["nodes"]!;
        return _flow.Definition.Nodes
            .Where(n => n.Type == "Split" && outputs.GetValueOrDefault(n.Id) is IReadOnlyDictionary<string, object?> output
                && output.GetValueOrDefault("variant") is string)
            .Select(n => KeyValuePair.Create(n.Id, (string)((IReadOnlyDictionary<string, object?>)outputs[n.Id]!)["variant"]!))
            .ToList();
    }
}
