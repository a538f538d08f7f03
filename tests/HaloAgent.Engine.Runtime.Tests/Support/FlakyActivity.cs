using System.Collections.Concurrent;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Engine.Runtime.Tests.Support;

/// <summary>Test switchboard for <see cref="FlakyActivity"/>: how many more calls fail, and every idempotency key it saw.</summary>
public sealed class FlakyControl
{
    public int FailuresLeft;

    public ConcurrentQueue<string> Keys { get; } = new();
}

/// <summary>An external call that fails while told to; records the idempotency key of every attempt.</summary>
public sealed class FlakyActivity(FlakyControl control) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new() { Type = "Flaky", DisplayName = "Flaky", Category = "Test" };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        control.Keys.Enqueue(context.IdempotencyKey);
        if (Interlocked.Decrement(ref control.FailuresLeft) >= 0)
        {
            throw new HttpRequestException("provider unavailable (503)");
        }

        return ValueTask.FromResult(ActivityResult.Done("sent"));
    }
}
