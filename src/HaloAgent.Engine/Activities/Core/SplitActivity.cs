using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;

namespace HaloAgent.Engine.Activities.Core;

/// <summary>A/B split: routes each contact to one weighted variant, always the same one for the same contact.</summary>
public sealed class SplitActivity(IVariantAssigner assigner, ISplitReleases releases) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Split",
        DisplayName = "Split (A/B)",
        Category = "Flow",
        Description = "Sends each contact down one weighted variant; a contact always gets the same variant. Assignments are recorded for A/B analysis.",
        Inputs = [new InputDescriptor("variants", InputKind.Variants) { DisplayName = "Variants", Required = true, Description = "List of { name, weight }." }],
        Outputs = [new OutputDescriptor("variant", "string")],
        Outcomes = [],
        DynamicOutcomes = true,
    };

    public override IReadOnlyList<string> GetOutcomes(FlowNode node) => NamedItems.Read(node, "variants").Select(v => v.Name).ToList();

    public override IEnumerable<ValidationError> Validate(FlowNode node)
    {
        foreach (var error in NamedItems.Validate(node, "variants", "weight"))
        {
            yield return error;
        }

        var variants = NamedItems.Read(node, "variants");
        if (variants.Count == 1)
        {
            yield return new ValidationError(node.Id, "variants", "A split needs at least two variants.");
        }

        for (var i = 0; i < variants.Count; i++)
        {
            if (variants[i].Raw["weight"] is not null && variants[i].Number("weight") is not > 0)
            {
                yield return new ValidationError(node.Id, $"variants[{i}].weight", "The weight must be a number above 0.");
            }
        }
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var variants = NamedItems.Read(context.Node, "variants").Select(v => new WeightedVariant(v.Name, v.Number("weight") ?? 0)).ToList();
        var names = variants.Select(v => v.Name).ToList();
        if (await releases.ReleasedVariantAsync(context.Instance.FlowId, context.Node.Id, names, cancellationToken) is { } released && names.Contains(released))
        {
            // The experiment is over: everyone goes one way, and no assignment is recorded (it would be no exposure).
            return ActivityResult.Outcome(released, new Dictionary<string, object?> { ["variant"] = released, ["released"] = true });
        }

        var subject = context.Instance.CorrelationKey ?? context.Instance.Id;
        var variant = await assigner.AssignAsync(
            new VariantAssignmentRequest(context.Instance.FlowId, context.Node.Id, subject, context.Instance.Id, variants), cancellationToken);
        context.Enlist(new VariantAssigned(context.Instance.FlowId, context.Node.Id, subject, variant, context.Instance.Id, context.Now));
        return ActivityResult.Outcome(variant, new Dictionary<string, object?> { ["variant"] = variant });
    }
}
