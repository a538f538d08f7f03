using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;
using Quartz;

namespace HaloAgent.Engine.Activities.Core;

/// <summary>Entry point of a flow; its inputs are the trigger: started by hand, by a domain event, or on a schedule.</summary>
public sealed class StartActivity : Activity
{
    public const string TypeName = "Start";

    public static class Triggers
    {
        public const string Manual = "manual";
        public const string Event = "event";
        public const string Schedule = "schedule";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "Start",
        Category = "Flow",
        Description = "Where the flow begins: by hand (API or Studio), when a domain event happens, or on a cron schedule.",
        IsStart = true,
        Inputs =
        [
            new InputDescriptor("trigger", InputKind.Select) { DisplayName = "Trigger", Options = [Triggers.Manual, Triggers.Event, Triggers.Schedule], Default = Triggers.Manual },
            new InputDescriptor("event", InputKind.EventName) { DisplayName = "Event", Description = "Domain event that starts the flow, e.g. message.received, order.created, cart.activity." },
            new InputDescriptor("condition", InputKind.Condition) { DisplayName = "Only when", Description = "Optional condition on the event (event.*), evaluated before starting." },
            new InputDescriptor("cron", InputKind.Cron) { DisplayName = "Schedule", Description = "Quartz cron, e.g. '0 0 9 ? * MON' for Mondays at 09:00 (UTC)." },
        ],
    };

    public override IEnumerable<ValidationError> Validate(FlowNode node)
    {
        var trigger = NodeText(node, "trigger") ?? Triggers.Manual;
        var eventName = NodeText(node, "event");
        var cron = NodeText(node, "cron");
        if (trigger == Triggers.Event && string.IsNullOrWhiteSpace(eventName))
        {
            yield return new ValidationError(node.Id, "event", "An event trigger needs the name of the event.");
        }

        if (trigger == Triggers.Schedule)
        {
            if (string.IsNullOrWhiteSpace(cron))
            {
                yield return new ValidationError(node.Id, "cron", "A schedule trigger needs a cron expression.");
            }
            else if (CronError(cron) is { } error)
            {
                yield return new ValidationError(node.Id, "cron", $"'{cron}' is not a valid cron expression (seconds minutes hours day-of-month month day-of-week): {error}");
            }
        }
    }

    /// <summary>A text input as written, or null when absent or not text (the compiler reports the wrong type).</summary>
    public static string? NodeText(FlowNode node, string input) =>
        node.Inputs.GetValueOrDefault(input) is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? CronError(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Done());
}
