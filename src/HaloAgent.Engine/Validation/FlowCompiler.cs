using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Expressions;
using HaloAgent.Engine.Templates;
using HaloAgent.Engine.Values;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace HaloAgent.Engine.Validation;

/// <summary>
/// Validates a flow and, when it is valid, compiles it. One pass does both, so what was validated is exactly
/// what runs: every expression and template is parsed here and never again.
/// </summary>
public sealed partial class FlowCompiler(ActivityRegistry registry, TemplateEngine templates, TimeProvider clock, IOptions<EngineLimits> options)
{
    private readonly EngineLimits _limits = options.Value;

    public IReadOnlyList<ValidationError> Validate(FlowDefinition definition) => Build(definition, 0, frozen: false).Errors;

    /// <summary>Validates and compiles a flow about to be published.</summary>
    public CompiledFlow Compile(FlowDefinition definition, int version) => Compile(definition, version, frozen: false);

    /// <param name="frozen">
    /// True for a version that was published before: rules added since (size limits, the loop wait) are not applied
    /// again, so its instances keep running; the run-time guards (step budget, loop wait clamp) still hold them.
    /// </param>
    public CompiledFlow Compile(FlowDefinition definition, int version, bool frozen)
    {
        if (!frozen)
        {
            EnsureWithinLimits(definition);
        }

        var (flow, errors) = Build(definition, version, frozen);
        return flow ?? throw new FlowValidationException(errors);
    }

    /// <summary>Refuses a flow with more nodes or edges than the limits allow (before anything stores or analyses it).</summary>
    /// <exception cref="FlowTooLargeException">Too many nodes or edges; the message gives the limit.</exception>
    public void EnsureWithinLimits(FlowDefinition definition)
    {
        var errors = FlowSize.Check(definition, _limits);
        if (errors.Count > 0)
        {
            throw new FlowTooLargeException(errors);
        }
    }

    private (CompiledFlow? Flow, IReadOnlyList<ValidationError> Errors) Build(FlowDefinition definition, int version, bool frozen)
    {
        if (!frozen && FlowSize.Check(definition, _limits) is { Count: > 0 } tooLarge)
        {
            return (null, tooLarge);
        }

        var state = new BuildState();
        ValidateHeader(definition, state);
        var nodes = IndexNodes(definition, state);
        var activities = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var node in nodes.Values)
        {
            if (!registry.TryGet(node.Type, out var activity))
            {
                state.Error(node.Id, null, $"Unknown activity type '{node.Type}'.");
                continue;
            }

            activities[node.Id] = activity;
            ValidateInputs(node, activity.Descriptor, state);
            foreach (var error in activity.Validate(node))
            {
                state.Errors.Add(error);
            }
        }

        if (!activities.Values.Any(a => a.Descriptor.IsStart))
        {
            state.Error(null, "nodes", "The flow needs a Start node.");
        }

        var edges = IndexEdges(definition, nodes, activities, state);
        var successors = Successors(edges);
        if (state.Errors.Count == 0)
        {
            CheckReachability(definition, activities, successors, state);
            if (!frozen)
            {
                CheckLoopsWait(definition, nodes, activities, successors, state);
            }
        }

        if (state.Errors.Count > 0)
        {
            return (null, state.Errors);
        }

        var onLoops = LoopAnalysis.NodesOnCycles(definition.Nodes.Select(n => n.Id), successors);

        var pipelines = nodes.Values
            .Select(n => (n.Id, Policy: n.Retry ?? RetryPolicy.None))
            .Where(p => p.Policy.MaxRetries > 0)
            .ToDictionary(p => p.Id, p => BuildRetry(p.Policy), StringComparer.Ordinal);
        var flow = new CompiledFlow(definition, version, nodes, activities, edges, state.Expressions, state.Templates, pipelines, onLoops);
        return (flow, state.Errors);
    }

    private static void ValidateHeader(FlowDefinition definition, BuildState state)
    {
        if (string.IsNullOrWhiteSpace(definition.Id) || !FlowIdPattern().IsMatch(definition.Id))
        {
            state.Error(null, "id", "The flow id must be lower-case letters, digits, '-' or '_' (e.g. abandoned-cart).");
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            state.Error(null, "name", "The flow needs a name.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in definition.Variables)
        {
            if (!IdentifierPattern().IsMatch(variable.Name ?? ""))
            {
                state.Error(null, "variables", $"'{variable.Name}' is not a valid variable name (letters, digits, _).");
            }
            else if (!seen.Add(variable.Name!))
            {
                state.Error(null, "variables", $"The variable '{variable.Name}' is declared twice.");
            }
        }
    }

    private static Dictionary<string, FlowNode> IndexNodes(FlowDefinition definition, BuildState state)
    {
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                state.Error(null, "nodes", $"A node of type '{node.Type}' has no id.");
            }
            else if (!nodes.TryAdd(node.Id, node))
            {
                state.Error(node.Id, null, "Two nodes have this id.");
            }
        }

        return nodes;
    }

    private void ValidateInputs(FlowNode node, ActivityDescriptor descriptor, BuildState state)
    {
        var declared = descriptor.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var name in node.Inputs.Keys.Where(k => !declared.ContainsKey(k)))
        {
            state.Error(node.Id, name, $"'{descriptor.Type}' has no input named '{name}'.");
        }

        foreach (var input in descriptor.Inputs)
        {
            var raw = node.Inputs.GetValueOrDefault(input.Name) ?? input.Default;
            if (raw is null || (raw is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
            {
                if (input.Required)
                {
                    state.Error(node.Id, input.Name, $"'{input.DisplayName ?? input.Name}' is required.");
                }

                continue;
            }

            ValidateInput(node, input, raw, state);
        }
    }

    private void ValidateInput(FlowNode node, InputDescriptor input, JsonNode raw, BuildState state)
    {
        var text = raw is JsonValue value && value.TryGetValue<string>(out var str) ? str : null;
        switch (input.Kind)
        {
            case InputKind.Text:
                if (text is not null) CompileTemplate(node, input.Name, text, state);
                break;
            case InputKind.DateTime:
                if (text is null) state.Error(node.Id, input.Name, "Expected a date and time (text).");
                else CompileTemplate(node, input.Name, text, state);
                break;
            case InputKind.Expression:
                if (text is not null) CompileExpression(node, input.Name, text, state);
                break;
            case InputKind.Condition:
                if (text is not null) CompileExpression(node, input.Name, text, state);
                else if (raw is not JsonValue b || !b.TryGetValue<bool>(out _)) state.Error(node.Id, input.Name, "Expected a condition.");
                break;
            case InputKind.Duration:
                if (text is null || (TemplateEngine.IsPlain(text) && !DurationParser.TryParse(text, out _)))
                    state.Error(node.Id, input.Name, $"'{raw.ToJsonString()}' is not a duration (try 30s, 15m, 2h, 1d or PT30M).");
                else if (!TemplateEngine.IsPlain(text)) CompileTemplate(node, input.Name, text, state);
                break;
            case InputKind.Number:
                if (PlainValue.FromJson(raw) is not decimal && !decimal.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
                    state.Error(node.Id, input.Name, "Expected a number.");
                break;
            case InputKind.Boolean:
                if (raw is not JsonValue bv || !bv.TryGetValue<bool>(out _)) state.Error(node.Id, input.Name, "Expected true or false.");
                break;
            case InputKind.Select:
                if (input.Options is { } options && (text is null || !options.Contains(text)))
                    state.Error(node.Id, input.Name, $"Expected one of: {string.Join(", ", options)}.");
                break;
            case InputKind.EventName:
                if (text is null || !EventNamePattern().IsMatch(text))
                    state.Error(node.Id, input.Name, "An event name is lower-case words joined by '.', '-' or '_' (e.g. message.received).");
                break;
            case InputKind.VariableName:
                if (text is null || !IdentifierPattern().IsMatch(text))
                    state.Error(node.Id, input.Name, "A variable name is letters, digits and '_', not starting with a digit.");
                break;
            case InputKind.Cases:
                foreach (var (item, i) in (raw as JsonArray ?? []).Select((item, i) => (item, i)))
                {
                    if (item is JsonObject caseItem && caseItem["condition"] is JsonValue c && c.TryGetValue<string>(out var condition))
                        CompileExpression(node, $"{input.Name}[{i}].condition", condition, state);
                }

                break;
            case InputKind.Variants:
            case InputKind.Cron:
            case InputKind.Json:
                break;
        }
    }

    private void CompileTemplate(FlowNode node, string field, string text, BuildState state)
    {
        if (state.Templates.ContainsKey(text))
        {
            return;
        }

        try
        {
            state.Templates[text] = templates.Compile(text);
        }
        catch (TemplateSyntaxException ex)
        {
            state.Error(node.Id, field, $"Template error: {ex.Message}");
        }
    }

    private static void CompileExpression(FlowNode node, string field, string text, BuildState state)
    {
        if (!state.Expressions.ContainsKey(text))
        {
            if (!Expression.TryParse(text, out var expression, out var error))
            {
                state.Error(node.Id, field, $"Expression error: {error!.Message}");
                return;
            }

            state.Expressions[text] = expression!;
        }

        var unknown = state.Expressions[text].Roots.Where(r => !ExpressionScope.Roots.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            state.Error(node.Id, field, $"Unknown name(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}: expressions can read vars, event, instance and nodes.");
        }
    }

    private static Dictionary<(string, string), string> IndexEdges(
        FlowDefinition definition, Dictionary<string, FlowNode> nodes, Dictionary<string, IActivity> activities, BuildState state)
    {
        var edges = new Dictionary<(string, string), string>();
        foreach (var edge in definition.Edges)
        {
            var label = $"Edge {edge.From} --{edge.Outcome}--> {edge.To}";
            if (!nodes.ContainsKey(edge.From))
            {
                state.Error(edge.From, "edges", $"{label} starts at a node that does not exist.");
                continue;
            }

            if (!nodes.ContainsKey(edge.To))
            {
                state.Error(edge.From, "edges", $"{label} leads to a node that does not exist (dangling edge).");
                continue;
            }

            if (!activities.TryGetValue(edge.From, out var from) || !activities.TryGetValue(edge.To, out var to))
            {
                continue;
            }

            var outcomes = from.GetOutcomes(nodes[edge.From]);
            if (!outcomes.Contains(edge.Outcome))
            {
                state.Error(edge.From, "edges", $"{label}: '{edge.Outcome}' is not an outcome of {from.Descriptor.Type} (it has {(outcomes.Count == 0 ? "none" : string.Join(", ", outcomes))}).");
            }
            else if (to.Descriptor.IsStart)
            {
                state.Error(edge.To, "edges", $"{label} leads into a Start node; Start nodes are entry points only.");
            }
            else if (!edges.TryAdd((edge.From, edge.Outcome), edge.To))
            {
                state.Error(edge.From, "edges", $"Outcome '{edge.Outcome}' is connected twice; an outcome leads to one node.");
            }
        }

        return edges;
    }

    private static void CheckReachability(FlowDefinition definition, Dictionary<string, IActivity> activities, Dictionary<string, List<string>> successors, BuildState state)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(definition.Nodes.Where(n => activities[n.Id].Descriptor.IsStart).Select(n => n.Id));
        while (queue.TryDequeue(out var id))
        {
            if (reached.Add(id))
            {
                foreach (var next in successors.GetValueOrDefault(id, []))
                {
                    queue.Enqueue(next);
                }
            }
        }

        foreach (var node in definition.Nodes.Where(n => !reached.Contains(n.Id)))
        {
            state.Error(node.Id, null, "This node cannot be reached from any Start node.");
        }
    }

    /// <summary>
    /// Every loop must pass a node that waits for an event or for at least <see cref="EngineLimits.MinLoopWait"/>: a loop
    /// through a Delay of 0s publishes fine and then runs hundreds of steps a second for ever.
    /// </summary>
    private void CheckLoopsWait(
        FlowDefinition definition, Dictionary<string, FlowNode> nodes, Dictionary<string, IActivity> activities, Dictionary<string, List<string>> successors, BuildState state)
    {
        var minimum = _limits.MinLoopWait;
        var waits = nodes.Values.ToDictionary(n => n.Id, n => activities[n.Id].DescribeWait(n), StringComparer.Ordinal);
        foreach (var cycle in LoopAnalysis.CyclesWithoutWait(definition.Nodes.Select(n => n.Id), successors, id => waits[id].Guards(minimum)))
        {
            var shortTimers = cycle.Distinct(StringComparer.Ordinal).Where(id => waits[id].Kind == LoopWaitKind.Timer)
                .Select(id => $"'{id}' waits only {DurationText(waits[id].Duration)}").ToList();
            var why = shortTimers.Count == 0 ? "" : $" ({string.Join(", ", shortTimers)})";
            state.Error(cycle[0], null,
                $"Loop without a wait: {string.Join(" -> ", cycle)}{why}. Put a Wait for event or a Delay of at least {DurationText(minimum)} in the loop.");
        }
    }

    private static string DurationText(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 60 } => $"{duration.TotalSeconds:0.###}s",
        { TotalMinutes: < 60 } when duration.Seconds == 0 => $"{duration.TotalMinutes:0}m",
        { TotalHours: < 24 } when duration.Minutes == 0 && duration.Seconds == 0 => $"{duration.TotalHours:0}h",
        _ => duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, List<string>> Successors(Dictionary<(string From, string Outcome), string> edges) =>
        edges.GroupBy(e => e.Key.From).ToDictionary(g => g.Key, g => g.Select(e => e.Value).ToList(), StringComparer.Ordinal);

    private ResiliencePipeline BuildRetry(RetryPolicy policy) =>
        new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = policy.MaxRetries,
                Delay = policy.Delay,
                BackoffType = policy.Exponential ? DelayBackoffType.Exponential : DelayBackoffType.Constant,
                UseJitter = policy.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
            })
            .Build();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex FlowIdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[a-z0-9]+([._-][a-z0-9]+)*$")]
    private static partial Regex EventNamePattern();

    private sealed class BuildState
    {
        public List<ValidationError> Errors { get; } = [];

        public Dictionary<string, Expression> Expressions { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, CompiledTemplate> Templates { get; } = new(StringComparer.Ordinal);

        public void Error(string? nodeId, string? field, string message) => Errors.Add(new ValidationError(nodeId, field, message));
    }
}
