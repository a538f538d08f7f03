using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;

namespace HaloAgent.Engine.Activities;

/// <summary>
/// What one activity execution may see and touch: its node, its evaluated inputs, the flow variables and a
/// deterministic idempotency key. Deliberately small: services come through the activity's constructor.
/// </summary>
public sealed class ActivityContext
{
    private readonly ExpressionScope _scope;
    private List<StepWrite>? _writes;

    internal ActivityContext(FlowNode node, ExpressionScope scope, IReadOnlyDictionary<string, object?> inputs, long sequence, int attempt, TimeSpan? minimumLoopWait = null)
    {
        MinimumLoopWait = minimumLoopWait;
        Node = node;
        _scope = scope;
        Inputs = inputs;
        Sequence = sequence;
        Attempt = attempt;
    }

    public FlowNode Node { get; }

    public InstanceInfo Instance => _scope.Instance;

    /// <summary>Inputs after template rendering and expression evaluation (what the journal records).</summary>
    public IReadOnlyDictionary<string, object?> Inputs { get; }

    /// <summary>The flow's variables; changes are persisted with the step.</summary>
    public IDictionary<string, object?> Variables => _scope.Variables;

    /// <summary>Payload of the event that started or last resumed the instance.</summary>
    public object? Event => _scope.Event;

    public DateTimeOffset Now => _scope.Now;

    /// <summary>Position of this step in the instance's journal; the same on a re-run after a crash.</summary>
    public long Sequence { get; }

    /// <summary>1 for the first try, 2+ for retries.</summary>
    public int Attempt { get; }

    /// <summary>Set when the node is on a loop: a timer here must wait at least this long, or the loop would spin.</summary>
    public TimeSpan? MinimumLoopWait { get; }

    /// <summary>
    /// A timer's due time as it must be here: inside a loop a computed wait that came out short (0s, a past date) would
    /// spin, so it is raised to <see cref="MinimumLoopWait"/>; elsewhere it is <paramref name="due"/> as it is.
    /// </summary>
    public DateTimeOffset NotBeforeLoopWait(DateTimeOffset due)
    {
        if (MinimumLoopWait is not { } minimum)
        {
            return due;
        }

        var earliest = Now + minimum;
        return due < earliest ? earliest : due;
    }

    /// <summary>
    /// Deterministic key of this step: a re-run of the step (after a crash before its commit, or a retry)
    /// gets the same key, so an external effect keyed by it happens once.
    /// </summary>
    public string IdempotencyKey => $"{Instance.Id}:{Sequence}";

    internal IReadOnlyList<StepWrite> Writes => _writes ?? (IReadOnlyList<StepWrite>)[];

    /// <summary>Stores <paramref name="write"/> atomically with this step's result (see <see cref="StepWrite"/>).</summary>
    public void Enlist(StepWrite write) => (_writes ??= []).Add(write);

    public T? Input<T>(string name)
    {
        if (!Inputs.TryGetValue(name, out var value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        return (T?)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string? Text(string name) => Input<object>(name)?.ToString();

    /// <summary>Evaluates an expression that was compiled with the flow (e.g. a Switch case's condition).</summary>
    public object? Evaluate(string expression) => _scope.Evaluate(expression);

    public bool EvaluateCondition(string expression) => _scope.EvaluateCondition(expression);

    /// <summary>Renders a template that was compiled with the flow.</summary>
    public string Render(string template) => _scope.Render(template);

    /// <summary>
    /// The variant each Split (A/B) node this instance passed gave it, by node id: messages carry them so delivery,
    /// reads and replies are attributed to the experiment's variant.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> AssignedVariants => _scope.AssignedVariants();
}

/// <summary>Identity of the running instance, as activities and expressions see it (<c>instance.*</c>).</summary>
public sealed record InstanceInfo(string Id, string FlowId, int Version, string? CorrelationKey);
