using HaloAgent.Engine.Activities;

namespace HaloAgent.Engine.Execution;

/// <summary>
/// The durable state of one instance between steps. It only ever rests at a boundary: about to run
/// <see cref="CurrentNodeId"/> (Running), suspended in it (Waiting) or failed in it (Faulted).
/// </summary>
public sealed class FlowInstanceState
{
    public required string Id { get; init; }

    public required string FlowId { get; init; }

    public required int Version { get; set; }

    public string? CorrelationKey { get; init; }

    public InstanceStatus Status { get; set; } = InstanceStatus.Running;

    public string? CurrentNodeId { get; set; }

    public Dictionary<string, object?> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Payload of the event that started or last resumed the instance (<c>event.*</c> in expressions).</summary>
    public object? Event { get; set; }

    /// <summary>Last output of each node (<c>nodes.&lt;id&gt;.*</c> in expressions).</summary>
    public Dictionary<string, object?> NodeOutputs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Steps journaled so far; the next step gets <c>Sequence + 1</c>.</summary>
    public long Sequence { get; set; }

    public Incident? Incident { get; set; }

    /// <summary>Steps run in the current window, against <see cref="EngineLimits.MaxStepsPerWindow"/>.</summary>
    public StepBudget Budget { get; init; } = new();

    /// <summary>What the instance waits for when <see cref="Status"/> is Waiting.</summary>
    public Wait? Wait { get; set; }

    public InstanceInfo Info => new(Id, FlowId, Version, CorrelationKey);
}
