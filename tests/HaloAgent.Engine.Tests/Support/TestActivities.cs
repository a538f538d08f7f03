using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;

namespace HaloAgent.Engine.Tests.Support;

/// <summary>What a test activity saw in one call.</summary>
public sealed record ActivityCall(
    string NodeId,
    string IdempotencyKey,
    long Sequence,
    int Attempt,
    IReadOnlyDictionary<string, object?> Inputs,
    object? Event,
    bool Resumed);

/// <summary>Test activity that records every call and succeeds with a small object output.</summary>
public sealed class RecordActivity : Activity
{
    private readonly List<ActivityCall> _calls = [];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Record",
        DisplayName = "Record (test)",
        Category = "Test",
        Inputs =
        [
            new InputDescriptor("text", InputKind.Text),
            new InputDescriptor("value", InputKind.Expression),
        ],
        Outputs = [new OutputDescriptor("echo", "string"), new OutputDescriptor("value", "any"), new OutputDescriptor("total", "number")],
    };

    /// <summary>Runs inside ExecuteAsync (e.g. to cancel the run's token from within a step).</summary>
    public Action<ActivityContext, CancellationToken>? OnExecute { get; set; }

    public IReadOnlyList<ActivityCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add(new ActivityCall(context.Node.Id, context.IdempotencyKey, context.Sequence, context.Attempt,
                new Dictionary<string, object?>(context.Inputs), context.Event, Resumed: false));
        }

        OnExecute?.Invoke(context, cancellationToken);
        return ValueTask.FromResult(ActivityResult.Done(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["echo"] = context.Text("text"),
            ["value"] = context.Input<object>("value"),
            ["total"] = 42m,
        }));
    }
}

/// <summary>Test activity that throws until it has failed <see cref="FailuresLeft"/> times, then succeeds.</summary>
public sealed class FlakyActivity : Activity
{
    public const string ErrorMessage = "Payment provider timed out";

    private readonly List<ActivityCall> _calls = [];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Flaky",
        DisplayName = "Flaky (test)",
        Category = "Test",
    };

    /// <summary>How many more calls fail; <see cref="int.MaxValue"/> fails for ever.</summary>
    public int FailuresLeft { get; set; } = int.MaxValue;

    public IReadOnlyList<ActivityCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        lock (_calls)
        {
            _calls.Add(new ActivityCall(context.Node.Id, context.IdempotencyKey, context.Sequence, context.Attempt,
                new Dictionary<string, object?>(context.Inputs), context.Event, Resumed: false));
            if (FailuresLeft > 0)
            {
                if (FailuresLeft != int.MaxValue)
                {
                    FailuresLeft--;
                }

                throw new InvalidOperationException(ErrorMessage);
            }
        }

        return ValueTask.FromResult(ActivityResult.Done(new Dictionary<string, object?> { ["sent"] = true }));
    }
}

/// <summary>
/// Test activity that waits for <c>approval.given</c> and whose resume fails <see cref="ResumeFailuresLeft"/> times
/// (a resume that calls out, e.g. to confirm a payment, can fail like any step).
/// </summary>
public sealed class ApprovalActivity : Activity
{
    public const string EventName = "approval.given";

    private readonly List<ActivityCall> _calls = [];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Approval",
        DisplayName = "Approval (test)",
        Category = "Test",
        MaySuspend = true,
        Outcomes = ["Approved"],
    };

    public int ResumeFailuresLeft { get; set; }

    public IReadOnlyList<ActivityCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToList();
            }
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        Record(context, resumed: false);
        var key = context.Instance.CorrelationKey ?? context.Instance.Id;
        return ValueTask.FromResult(ActivityResult.Suspend(new Wait([new BookmarkSpec(EventName, key)], null)));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeSignal signal, CancellationToken cancellationToken)
    {
        Record(context, resumed: true);
        lock (_calls)
        {
            if (ResumeFailuresLeft > 0)
            {
                ResumeFailuresLeft--;
                throw new InvalidOperationException("Could not confirm the approval");
            }
        }

        return ValueTask.FromResult(ActivityResult.Outcome("Approved", signal.Payload));
    }

    private void Record(ActivityContext context, bool resumed)
    {
        lock (_calls)
        {
            _calls.Add(new ActivityCall(context.Node.Id, context.IdempotencyKey, context.Sequence, context.Attempt,
                new Dictionary<string, object?>(context.Inputs), context.Event, resumed));
        }
    }
}

/// <summary>Claims it may suspend (so validation accepts a loop through it) but never does: exercises the executor's step guard.</summary>
public sealed class SpinActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Spin",
        DisplayName = "Spin (test)",
        Category = "Test",
        MaySuspend = true,
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Done());
}

/// <summary>One input of each kind the core activities do not use, to exercise validation and evaluation of those kinds.</summary>
public sealed class ProbeActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Probe",
        DisplayName = "Probe (test)",
        Category = "Test",
        Inputs =
        [
            new InputDescriptor("amount", InputKind.Number),
            new InputDescriptor("enabled", InputKind.Boolean),
            new InputDescriptor("at", InputKind.DateTime),
            new InputDescriptor("when", InputKind.Condition),
            new InputDescriptor("payload", InputKind.Json),
            new InputDescriptor("wait", InputKind.Duration),
        ],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Done(new Dictionary<string, object?>(context.Inputs, StringComparer.Ordinal)));
}
