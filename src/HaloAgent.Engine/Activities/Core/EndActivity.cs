namespace HaloAgent.Engine.Activities.Core;

public sealed class EndActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "End",
        DisplayName = "End",
        Category = "Flow",
        Description = "Completes the instance. An outcome left unconnected also ends the flow.",
        Outcomes = [],
        IsTerminal = true,
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Complete());
}
