using HaloAgent.Engine.Activities;

namespace HaloAgent.Engine.Runtime.Tests.Support;

/// <summary>A slow step under the test's control: it signals when it starts and finishes when the test opens the gate.</summary>
public sealed class Gate
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Runs;
}

public sealed class GateActivity(Gate gate) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new() { Type = "Gate", DisplayName = "Gate", Category = "Test" };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref gate.Runs);
        gate.Started.TrySetResult();
        await gate.Open.Task.WaitAsync(cancellationToken);
        return ActivityResult.Done();
    }
}
