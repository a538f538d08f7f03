using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;

namespace HaloAgent.Marketing.Journeys;

/// <summary>
/// A control group for uplift: a share of contacts goes on by Holdout (and should receive nothing), the rest by
/// Continue. Sticky per contact and journey (a hash of flow and contact, so every version and re-entry agrees) and
/// recorded with the step like a Split's assignment (flow_variant_assignments), for comparing the groups' conversions.
/// </summary>
public sealed class HoldoutActivity : Activity
{
    public const string Holdout = "Holdout", Continue = "Continue";

    /// <summary>The hash's node part: the same for every Holdout node of a flow, so moving or renaming the node keeps the groups.</summary>
    private const string Bucket = "holdout";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Holdout",
        DisplayName = "Holdout (control group)",
        Category = "Marketing",
        Description = "Keeps a share of contacts out of the journey (they receive nothing) to measure its uplift; always the same contacts.",
        Inputs =
        [
            new InputDescriptor("percent", InputKind.Number) { DisplayName = "Held out (%)", Required = true, Description = "0 to 100: the share of contacts in the control group." },
        ],
        Outputs = [new OutputDescriptor("group", "string", "holdout or continue.")],
        Outcomes = [Holdout, Continue],
    };

    public override IEnumerable<ValidationError> Validate(FlowNode node)
    {
        if (node.Inputs.GetValueOrDefault("percent") is { } raw
            && (raw.GetValueKind() != System.Text.Json.JsonValueKind.Number || raw.GetValue<decimal>() is < 0 or > 100))
        {
            yield return new ValidationError(node.Id, "percent", "The held-out share must be a number from 0 to 100.");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var percent = Math.Clamp(context.Input<decimal>("percent"), 0, 100);
        var subject = context.Instance.CorrelationKey ?? context.Instance.Id;
        var group = Group(context.Instance.FlowId, subject, percent);
        context.Enlist(new VariantAssigned(context.Instance.FlowId, context.Node.Id, subject, group.ToLowerInvariant(), context.Instance.Id, context.Now));
        return ValueTask.FromResult(ActivityResult.Outcome(group, new Dictionary<string, object?> { ["group"] = group.ToLowerInvariant() }));
    }

    /// <summary>Holdout or Continue for a contact of a flow: the same answer every time.</summary>
    public static string Group(string flowId, string contactId, decimal percent) =>
        percent <= 0 ? Continue
        : percent >= 100 ? Holdout
        : HashingVariantAssigner.Pick(new VariantAssignmentRequest(
            flowId, Bucket, contactId, "", [new WeightedVariant(Holdout, percent), new WeightedVariant(Continue, 100 - percent)]));
}
