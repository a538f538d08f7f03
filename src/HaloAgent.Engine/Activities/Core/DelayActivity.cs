using HaloAgent.Engine.Validation;
using HaloAgent.Engine.Definitions;

namespace HaloAgent.Engine.Activities.Core;

/// <summary>Suspends on a durable timer: survives restarts and fires once, on whichever node claims it.</summary>
public sealed class DelayActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Delay",
        DisplayName = "Delay",
        Category = "Time",
        Description = "Waits for a duration, or until a date and time.",
        MaySuspend = true,
        Inputs =
        [
            new InputDescriptor("duration", InputKind.Duration) { DisplayName = "Wait for", Description = "e.g. 30m, 2h, 1d." },
            new InputDescriptor("until", InputKind.DateTime) { DisplayName = "Wait until", Description = "ISO 8601 date-time template; used when no duration is given." },
        ],
    };

    public override IEnumerable<ValidationError> Validate(FlowNode node)
    {
        if (node.Inputs.GetValueOrDefault("duration") is null && node.Inputs.GetValueOrDefault("until") is null)
        {
            yield return new ValidationError(node.Id, "duration", "Give a duration or a date and time to wait until.");
        }
    }

    public override LoopWait DescribeWait(FlowNode node) =>
        LoopWait.OfDuration(node, "duration")
        ?? (LoopWait.IsComputed(node, "until") ? LoopWait.Computed : LoopWait.None); // a fixed date waits once, then never

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var due = context.Input<object>("duration") is TimeSpan duration
            ? context.Now + duration
            : context.Input<object>("until") as DateTimeOffset? ?? context.Now;
        due = context.NotBeforeLoopWait(due);
        return ValueTask.FromResult(due <= context.Now ? ActivityResult.Done() : ActivityResult.Suspend(Wait.Until(due)));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeSignal signal, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Done());
}
