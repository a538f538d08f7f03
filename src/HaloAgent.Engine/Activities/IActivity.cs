using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;

namespace HaloAgent.Engine.Activities;

/// <summary>An activity type. Implementations are singletons resolved from DI; per-run data comes in the context.</summary>
public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    /// <summary>Outcomes a node of this type can take (dynamic for Switch and Split).</summary>
    IReadOnlyList<string> GetOutcomes(FlowNode node);

    /// <summary>Checks beyond what the descriptor implies (e.g. Split weights).</summary>
    IEnumerable<ValidationError> Validate(FlowNode node);

    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>Continues a node that suspended, when its bookmark or timer fires.</summary>
    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeSignal signal, CancellationToken cancellationToken);

    /// <summary>How long a pass through <paramref name="node"/> waits, for the rule that every loop must wait.</summary>
    LoopWait DescribeWait(FlowNode node) => Descriptor.MaySuspend ? LoopWait.ForEvent : LoopWait.None;
}

/// <summary>Base with the defaults most activities want.</summary>
public abstract class Activity : IActivity
{
    public abstract ActivityDescriptor Descriptor { get; }

    public virtual IReadOnlyList<string> GetOutcomes(FlowNode node) => Descriptor.Outcomes;

    public virtual IEnumerable<ValidationError> Validate(FlowNode node) => [];

    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>By default a type that may suspend is taken to wait for an event; timers say how long they wait.</summary>
    public virtual LoopWait DescribeWait(FlowNode node) => Descriptor.MaySuspend ? LoopWait.ForEvent : LoopWait.None;

    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeSignal signal, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Activity '{Descriptor.Type}' does not suspend, so it cannot be resumed.");
}
