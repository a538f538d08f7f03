using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;
using HaloAgent.Platform.Events;

namespace HaloAgent.Marketing.Journeys;

/// <summary>
/// A journey's goal: waits for the awaited event (e.g. order.created) of the flow's contact for at most the window;
/// when it arrives in time the conversion is recorded (marketing_journey_conversions, with the step) and the flow goes
/// on by Converted, otherwise by NotConverted.
/// </summary>
public sealed class GoalActivity : Activity
{
    public const string Converted = "Converted", NotConverted = "NotConverted";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Goal",
        DisplayName = "Goal (conversion)",
        Category = "Marketing",
        Description = "Waits up to the window for the goal event of this contact (e.g. an order); records a conversion when it comes in time.",
        MaySuspend = true,
        Inputs =
        [
            new InputDescriptor("event", InputKind.EventName) { DisplayName = "Goal event", Required = true, Default = JsonValue.Create(EventNames.OrderCreated) },
            new InputDescriptor("window", InputKind.Duration) { DisplayName = "Within", Required = true, Description = "e.g. 7d: the event counts only this long after the step." },
            new InputDescriptor("variable", InputKind.VariableName) { DisplayName = "Store event in", Description = "Optional variable that receives the event payload." },
        ],
        Outputs = [new OutputDescriptor("event", "object", "The payload of the goal event.")],
        Outcomes = [Converted, NotConverted],
    };

    /// <summary>The window is waited in full unless the goal comes; inside a loop a short window is raised to the minimum wait.</summary>
    public override LoopWait DescribeWait(FlowNode node) => LoopWait.Computed;

    public override IEnumerable<ValidationError> Validate(FlowNode node)
    {
        // A goal nobody raises would never convert: only events the product raises are goals.
        if (node.Inputs.GetValueOrDefault("event") is JsonValue value && value.TryGetValue<string>(out var name) && !EventCatalog.Contains(name))
        {
            yield return new ValidationError(node.Id, "event",
                $"'{name}' is not an event the product raises, so the goal could never be reached; use one of {string.Join(", ", EventCatalog.All.Select(e => e.Name))}.");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var contact = context.Instance.CorrelationKey
            ?? throw new InvalidOperationException("A goal needs a flow started for a contact (its correlation key is the contact).");
        var window = context.Input<object>("window") as TimeSpan? ?? TimeSpan.Zero;
        return ValueTask.FromResult(ActivityResult.Suspend(new Wait(
            [new BookmarkSpec(context.Text("event")!, contact)], context.NotBeforeLoopWait(context.Now + window))));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeSignal signal, CancellationToken cancellationToken)
    {
        if (signal.IsTimer)
        {
            return ValueTask.FromResult(ActivityResult.Outcome(NotConverted));
        }

        if (context.Text("variable") is { Length: > 0 } variable)
        {
            context.Variables[variable] = signal.Payload;
        }

        context.Enlist(new JourneyConversionWrite(new JourneyConversion
        {
            Id = $"{context.Instance.Id}:{context.Node.Id}",
            FlowId = context.Instance.FlowId,
            NodeId = context.Node.Id,
            InstanceId = context.Instance.Id,
            ContactId = context.Instance.CorrelationKey ?? "",
            EventName = signal.EventName!,
            ConvertedAt = context.Now.ToUnixTimeMilliseconds(),
        }));
        return ValueTask.FromResult(ActivityResult.Outcome(Converted, signal.Payload));
    }
}
