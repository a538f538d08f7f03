using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;

namespace HaloAgent.Engine.Activities.Core;

/// <summary>Takes the first case whose condition holds, or Default.</summary>
public sealed class SwitchActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Switch",
        DisplayName = "Switch",
        Category = "Flow",
        Description = "Takes the first case whose condition is true; Default when none is.",
        Inputs = [new InputDescriptor("cases", InputKind.Cases) { DisplayName = "Cases", Required = true, Description = "List of { name, condition }." }],
        Outcomes = [Outcomes.Default],
        DynamicOutcomes = true,
    };

    public override IReadOnlyList<string> GetOutcomes(FlowNode node) =>
        [.. NamedItems.Read(node, "cases").Select(c => c.Name), Outcomes.Default];

    public override IEnumerable<ValidationError> Validate(FlowNode node) => NamedItems.Validate(node, "cases", "condition");

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        foreach (var @case in NamedItems.Read(context.Node, "cases"))
        {
            if (context.EvaluateCondition(@case.Get("condition") ?? "false"))
            {
                return ValueTask.FromResult(ActivityResult.Outcome(@case.Name));
            }
        }

        return ValueTask.FromResult(ActivityResult.Outcome(Outcomes.Default));
    }
}
