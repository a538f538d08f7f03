using HaloAgent.Engine.Definitions;

namespace HaloAgent.Engine.Activities.Core;

public sealed class DecisionActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Decision",
        DisplayName = "Decision",
        Category = "Flow",
        Description = "Takes the True or the False branch depending on a condition.",
        Inputs = [new InputDescriptor("condition", InputKind.Condition) { DisplayName = "Condition", Required = true }],
        Outcomes = [Outcomes.True, Outcomes.False],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Outcome(context.Input<bool>("condition") ? Outcomes.True : Outcomes.False));
}
