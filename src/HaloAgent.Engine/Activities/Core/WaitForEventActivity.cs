using HaloAgent.Engine.Definitions;
using System.Text.Json.Nodes;

namespace HaloAgent.Engine.Activities.Core;

/// <summary>Suspends until a named event with the same correlation key arrives, or until an optional timeout.</summary>
public sealed class WaitForEventActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "WaitForEvent",
        DisplayName = "Wait for event",
        Category = "Time",
        Description = "Waits for a domain event (e.g. message.received, payment.claimed) for this instance's correlation key; Timed out when the timeout passes first.",
        MaySuspend = true,
        Inputs =
        [
            new InputDescriptor("event", InputKind.EventName) { DisplayName = "Event", Required = true },
            new InputDescriptor("correlation", InputKind.Text) { DisplayName = "Correlation key", Default = JsonValue.Create("{{instance.correlationKey}}"), Description = "Which events match; by default the instance's own key (the contact)." },
            new InputDescriptor("timeout", InputKind.Duration) { DisplayName = "Timeout", Description = "Optional, e.g. 30m." },
            new InputDescriptor("variable", InputKind.VariableName) { DisplayName = "Store event in", Description = "Optional variable that receives the event payload." },
        ],
        Outputs = [new OutputDescriptor("event", "object", "The payload of the event that arrived.")],
        Outcomes = [Outcomes.Received, Outcomes.TimedOut],
    };

    /// <summary>Without a timeout only an event moves it on; with one, the timed-out path waits only that long.</summary>
    public override LoopWait DescribeWait(FlowNode node) => LoopWait.OfDuration(node, "timeout") ?? LoopWait.ForEvent;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var correlation = context.Text("correlation");
        var bookmark = new BookmarkSpec(context.Text("event")!, string.IsNullOrEmpty(correlation) ? context.Instance.Id : correlation);
        // A computed timeout inside a loop must not time out at once, again and again.
        var wakeAt = context.Input<object>("timeout") is TimeSpan timeout ? context.NotBeforeLoopWait(context.Now + timeout) : (DateTimeOffset?)null;
        return ValueTask.FromResult(ActivityResult.Suspend(new Wait([bookmark], wakeAt)));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeSignal signal, CancellationToken cancellationToken)
    {
        if (signal.IsTimer)
        {
            return ValueTask.FromResult(ActivityResult.Outcome(Outcomes.TimedOut));
        }

        if (context.Text("variable") is { Length: > 0 } variable)
        {
            context.Variables[variable] = signal.Payload;
        }

        return ValueTask.FromResult(ActivityResult.Outcome(Outcomes.Received, signal.Payload));
    }
}
