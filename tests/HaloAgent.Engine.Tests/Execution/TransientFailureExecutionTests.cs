using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Execution;

/// <summary>
/// Failures a host classifies as transient (its database restarting) are retried inside the step, within
/// <see cref="EngineLimits.TransientRetryBudget"/>, before they could open an incident.
/// </summary>
public sealed class TransientFailureExecutionTests : IDisposable
{
    private readonly EngineHarness _engine = new(services => services
        .AddSingleton<ITransientFailureClassifier, TimeoutsAreTransient>()
        .Configure<EngineLimits>(limits =>
        {
            limits.TransientRetryDelay = TimeSpan.FromMilliseconds(1);
            limits.TransientRetryMaxDelay = TimeSpan.FromMilliseconds(10);
            limits.TransientRetryBudget = TimeSpan.FromSeconds(30);
        }));

    public void Dispose() => _engine.Dispose();

    private static readonly string OneStep = StartThen("""{ "id": "n", "type": "Record" }""");

    [Fact]
    public async Task A_transient_failure_is_retried_in_the_step_with_the_same_idempotency_key_until_it_succeeds()
    {
        var recorder = _engine.Activity<RecordActivity>();
        recorder.OnExecute = (context, _) =>
        {
            if (context.Attempt < 3)
            {
                throw new TimeoutException("the database is restarting");
            }
        };
        var flow = _engine.Compile(OneStep);
        var state = EngineHarness.NewInstance(flow, id: "order-3");

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
        state.Incident.ShouldBeNull();
        var step = result.Journal.Single(e => e.NodeId == "n");
        step.Kind.ShouldBe("executed");
        step.Attempts.ShouldBe(3);
        result.Journal.Select(e => e.Sequence).ShouldBe([1L, 2]);
        recorder.Calls.Select(c => (c.Attempt, c.IdempotencyKey)).ShouldBe([(1, "order-3:2"), (2, "order-3:2"), (3, "order-3:2")]);
    }

    [Fact]
    public async Task A_failure_that_stays_transient_past_the_budget_becomes_an_incident()
    {
        using var engine = new EngineHarness(services => services
            .AddSingleton<ITransientFailureClassifier, TimeoutsAreTransient>()
            .Configure<EngineLimits>(limits =>
            {
                limits.TransientRetryDelay = TimeSpan.FromMilliseconds(1);
                limits.TransientRetryMaxDelay = TimeSpan.FromMilliseconds(20);
                limits.TransientRetryBudget = TimeSpan.FromMilliseconds(200);
            }));
        var recorder = engine.Activity<RecordActivity>();
        recorder.OnExecute = (_, _) => throw new TimeoutException("the database is gone");
        var flow = engine.Compile(OneStep);
        var state = EngineHarness.NewInstance(flow);
        var started = TimeProvider.System.GetTimestamp();

        await engine.RunAsync(flow, state);

        TimeProvider.System.GetElapsedTime(started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200));
        state.Status.ShouldBe(InstanceStatus.Faulted);
        var incident = state.Incident.ShouldNotBeNull();
        incident.ErrorType.ShouldBe(nameof(TimeoutException));
        incident.Attempts.ShouldBeGreaterThan(1);
        incident.Attempts.ShouldBe(recorder.Calls.Count);
        recorder.Calls.Select(c => c.IdempotencyKey).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_faults_after_one_attempt_as_before()
    {
        var recorder = _engine.Activity<RecordActivity>();
        recorder.OnExecute = (_, _) => throw new InvalidOperationException("no such product");
        var flow = _engine.Compile(OneStep);
        var state = EngineHarness.NewInstance(flow);

        await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.Attempts.ShouldBe(1);
        recorder.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_classifier_nothing_is_transient()
    {
        using var engine = new EngineHarness();
        var recorder = engine.Activity<RecordActivity>();
        recorder.OnExecute = (_, _) => throw new TimeoutException("the database is restarting");
        var flow = engine.Compile(OneStep);
        var state = EngineHarness.NewInstance(flow);

        await engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A_node_retry_policy_still_handles_failures_that_are_not_transient()
    {
        var recorder = _engine.Activity<RecordActivity>();
        recorder.OnExecute = (context, _) =>
        {
            switch (context.Attempt)
            {
                case 1: throw new TimeoutException("the database is restarting"); // retried in place
                case 2: throw new InvalidOperationException("provider said 503"); // the node's policy retries it
            }
        };
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "Record", "retry": { "maxRetries": 1, "delay": "00:00:00.001" } }"""));
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
        result.Journal.Single(e => e.NodeId == "n").Attempts.ShouldBe(3);
        recorder.Calls.Select(c => c.IdempotencyKey).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Cancelling_the_run_while_a_transient_failure_waits_for_its_retry_stops_it_without_an_incident()
    {
        using var engine = new EngineHarness(services => services
            .AddSingleton<ITransientFailureClassifier, TimeoutsAreTransient>()
            .Configure<EngineLimits>(limits => limits.TransientRetryDelay = TimeSpan.FromMinutes(10)));
        using var cts = new CancellationTokenSource();
        var recorder = engine.Activity<RecordActivity>();
        recorder.OnExecute = (_, _) =>
        {
            cts.Cancel(); // the node is shutting down while its database restarts
            throw new TimeoutException("the database is restarting");
        };
        var flow = engine.Compile(OneStep);
        var state = EngineHarness.NewInstance(flow);

        await Should.ThrowAsync<OperationCanceledException>(() => engine.RunAsync(flow, state, null, cts.Token));

        recorder.Calls.Count.ShouldBe(1);
        state.Status.ShouldNotBe(InstanceStatus.Faulted);
        state.Incident.ShouldBeNull();
    }

    private sealed class TimeoutsAreTransient : ITransientFailureClassifier
    {
        public bool IsTransient(Exception exception) => exception is TimeoutException;
    }
}
