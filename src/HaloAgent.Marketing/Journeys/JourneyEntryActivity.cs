using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Journeys;

/// <summary>
/// A journey's re-entry rule, right after its trigger: a contact who entered this journey before goes on by Enter only
/// when the rule allows it (never again, or once the given number of days has passed since their last entry), else by
/// Skip. Each entry is recorded with the step, so the rule holds across versions and restarts.
/// </summary>
public sealed class JourneyEntryActivity(IDbContextFactory<MarketingDbContext> factory) : Activity
{
    public const string Enter = "Enter", Skip = "Skip";
    public const string Never = "never", After = "after", Always = "always";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "JourneyEntry",
        DisplayName = "Journey entry (re-entry rule)",
        Category = "Marketing",
        Description = "Lets the contact into the journey unless the re-entry rule keeps them out: never again, or not until N days after their last entry.",
        Inputs =
        [
            new InputDescriptor("reentry", InputKind.Select) { DisplayName = "Re-entry", Options = [Never, After, Always], Default = JsonValue.Create(Never) },
            new InputDescriptor("days", InputKind.Number) { DisplayName = "After (days)", Description = "With re-entry 'after': days since the last entry." },
        ],
        Outputs = [new OutputDescriptor("lastEnteredAt", "string", "When the contact last entered, if ever.")],
        Outcomes = [Enter, Skip],
    };

    public override IEnumerable<ValidationError> Validate(FlowNode node)
    {
        if (node.Inputs.GetValueOrDefault("reentry") is JsonValue rule && rule.TryGetValue<string>(out var r) && r == After
            && (node.Inputs.GetValueOrDefault("days") is not JsonValue days || days.GetValueKind() != System.Text.Json.JsonValueKind.Number || days.GetValue<decimal>() <= 0))
        {
            yield return new ValidationError(node.Id, "days", "Re-entry 'after' needs a number of days above 0.");
        }
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var contactId = context.Instance.CorrelationKey
            ?? throw new InvalidOperationException("A journey entry needs a flow started for a contact (its correlation key is the contact).");
        var flowId = context.Instance.FlowId;
        var instanceId = context.Instance.Id;
        long? last;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            last = await db.JourneyEntries.Where(e => e.FlowId == flowId && e.ContactId == contactId && e.Id != instanceId)
                .MaxAsync(e => (long?)e.EnteredAt, cancellationToken);
        }

        var rule = context.Text("reentry") ?? Never;
        var allowed = last is not { } at || rule == Always
            || (rule == After && context.Now.ToUnixTimeMilliseconds() - at >= (long)TimeSpan.FromDays((double)context.Input<decimal>("days")).TotalMilliseconds);
        var output = new Dictionary<string, object?> { ["lastEnteredAt"] = last is { } l ? DateTimeOffset.FromUnixTimeMilliseconds(l).ToString("O") : null };
        if (!allowed)
        {
            return ActivityResult.Outcome(Skip, output);
        }

        context.Enlist(new JourneyEntryWrite(new JourneyEntry { Id = instanceId, FlowId = flowId, ContactId = contactId, EnteredAt = context.Now.ToUnixTimeMilliseconds() }));
        return ActivityResult.Outcome(Enter, output);
    }
}
