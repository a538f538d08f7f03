using Microsoft.Extensions.DependencyInjection;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Tests.Support;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Execution;

/// <summary>Failures, retries, incidents, idempotency keys and cancellation.</summary>
public sealed class FaultAndRetryExecutionTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private static string PayFlow(string retry = "") => Flow(
        $$"""
        { "id": "start", "type": "Start" },
        { "id": "pay", "type": "Flaky" {{retry}} },
        { "id": "after", "type": "Record", "inputs": { "text": "after" } }
        """,
        """{ "from": "start", "to": "pay" }, { "from": "pay", "to": "after" }""");

    private const string FastRetry = """, "retry": { "maxRetries": 2, "delay": "00:00:00.001" }""";

    // ---- retries and incidents ----

    [Fact]
    public async Task A_failing_activity_is_retried_then_the_instance_faults_with_an_incident()
    {
        var flow = _engine.Compile(PayFlow(FastRetry));
        var state = EngineHarness.NewInstance(flow, id: "order-1");

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.CurrentNodeId.ShouldBe("pay");
        state.Wait.ShouldBeNull();
        var incident = state.Incident.ShouldNotBeNull();
        incident.NodeId.ShouldBe("pay");
        incident.Message.ShouldBe(FlakyActivity.ErrorMessage);
        incident.ErrorType.ShouldBe(nameof(InvalidOperationException));
        incident.Attempts.ShouldBe(3);
        incident.Sequence.ShouldBe(2);
        incident.OccurredAt.ShouldBe(EngineHarness.StartTime);

        var calls = _engine.Activity<FlakyActivity>().Calls;
        calls.Select(c => c.Attempt).ShouldBe([1, 2, 3]);
        calls.ShouldAllBe(c => c.IdempotencyKey == "order-1:2" && c.Sequence == 2);

        var entry = result.Journal[^1];
        entry.Kind.ShouldBe("faulted");
        entry.NodeId.ShouldBe("pay");
        entry.Sequence.ShouldBe(2);
        entry.Attempts.ShouldBe(3);
        entry.Error.ShouldBe(FlakyActivity.ErrorMessage);
        entry.Outcome.ShouldBeNull();
        result.Journal.Count.ShouldBe(2);
        _engine.Activity<RecordActivity>().Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_retry_policy_a_failure_faults_after_one_attempt()
    {
        var flow = _engine.Compile(PayFlow());
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.Attempts.ShouldBe(1);
        result.Journal[^1].Attempts.ShouldBe(1);
        _engine.Activity<FlakyActivity>().Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_activity_that_fails_once_succeeds_on_retry_and_the_journal_counts_two_attempts()
    {
        _engine.Activity<FlakyActivity>().FailuresLeft = 1;
        var flow = _engine.Compile(PayFlow(FastRetry));
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
        state.Incident.ShouldBeNull();
        var pay = result.Journal.Single(e => e.NodeId == "pay");
        pay.Kind.ShouldBe("executed");
        pay.Attempts.ShouldBe(2);
        pay.Outcome.ShouldBe("Done");
        pay.Error.ShouldBeNull();
        result.Journal.Select(e => e.Sequence).ShouldBe([1L, 2, 3]);
        _engine.Activity<FlakyActivity>().Calls.Select(c => c.IdempotencyKey).ShouldBe(["inst-1:2", "inst-1:2"]);
    }

    [Fact]
    public async Task Retrying_a_faulted_instance_reruns_the_failed_node_with_the_same_idempotency_key()
    {
        var flaky = _engine.Activity<FlakyActivity>();
        flaky.FailuresLeft = 1;
        var flow = _engine.Compile(PayFlow());
        var state = EngineHarness.NewInstance(flow, id: "order-9");
        await _engine.RunAsync(flow, state);
        state.Status.ShouldBe(InstanceStatus.Faulted);
        var failedKey = flaky.Calls.ShouldHaveSingleItem().IdempotencyKey;

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
        state.Incident.ShouldBeNull();
        flaky.Calls.Count.ShouldBe(2);
        flaky.Calls[1].IdempotencyKey.ShouldBe(failedKey);
        failedKey.ShouldBe("order-9:2");
        result.Journal.Select(e => (e.Sequence, e.NodeId, e.Kind)).ShouldBe([(3L, "pay", "executed"), (4L, "after", "executed")]);
        // Later steps get keys of their own journal position.
        _engine.Activity<RecordActivity>().Calls.ShouldHaveSingleItem().IdempotencyKey.ShouldBe("order-9:4");
    }

    [Fact]
    public async Task A_retry_that_fails_again_keeps_the_key_of_the_original_failure()
    {
        var flaky = _engine.Activity<FlakyActivity>();
        flaky.FailuresLeft = 2;
        var flow = _engine.Compile(PayFlow());
        var state = EngineHarness.NewInstance(flow);

        await _engine.RunAsync(flow, state);
        await _engine.RunAsync(flow, state);
        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.Sequence.ShouldBe(2);
        await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
        flaky.Calls.Select(c => c.IdempotencyKey).ShouldBe(["inst-1:2", "inst-1:2", "inst-1:2"]);
    }

    [Fact]
    public async Task The_idempotency_key_is_instance_id_and_sequence_and_a_rerun_after_a_crash_gets_the_same_keys()
    {
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "send1", "type": "Record", "inputs": { "text": "first" } },
            { "id": "pause", "type": "Delay", "inputs": { "duration": "1h" } },
            { "id": "send2", "type": "Record", "inputs": { "text": "second" } },
            { "id": "send3", "type": "Record", "inputs": { "text": "third" } }
            """,
            """
            { "from": "start", "to": "send1" }, { "from": "send1", "to": "pause" },
            { "from": "pause", "to": "send2" }, { "from": "send2", "to": "send3" }
            """));
        var recorder = _engine.Activity<RecordActivity>();
        var initial = EngineHarness.NewInstance(flow, id: "order-42", correlationKey: "+2348012345678");

        // First segment, run twice from the same stored state (the first run "crashed" before its commit).
        var crashed = await _engine.RunAsync(flow, StateCopy.Clone(initial));
        var keysFirstTry = recorder.Calls.Select(c => c.IdempotencyKey).ToList();
        var committed = await _engine.RunAsync(flow, StateCopy.Clone(initial));
        var keysSecondTry = recorder.Calls.Skip(keysFirstTry.Count).Select(c => c.IdempotencyKey).ToList();

        keysFirstTry.ShouldBe(["order-42:2"]);
        keysSecondTry.ShouldBe(keysFirstTry);
        committed.Journal.Select(e => e.Sequence).ShouldBe(crashed.Journal.Select(e => e.Sequence));
        committed.State.Wait!.WakeAt.ShouldBe(crashed.State.Wait!.WakeAt);

        // Second segment, resumed twice from the same waiting state.
        _engine.Clock.Advance(TimeSpan.FromHours(1));
        var waiting = committed.State;
        var before = recorder.Calls.Count;
        await _engine.RunAsync(flow, StateCopy.Clone(waiting), ResumeSignal.Timer);
        var resumeKeysFirstTry = recorder.Calls.Skip(before).Select(c => c.IdempotencyKey).ToList();
        before = recorder.Calls.Count;
        await _engine.RunAsync(flow, StateCopy.Clone(waiting), ResumeSignal.Timer);
        var resumeKeysSecondTry = recorder.Calls.Skip(before).Select(c => c.IdempotencyKey).ToList();

        resumeKeysFirstTry.ShouldBe(["order-42:5", "order-42:6"]);
        resumeKeysSecondTry.ShouldBe(resumeKeysFirstTry);
    }

    [Fact]
    public async Task Activities_see_their_attempt_number_and_sequence()
    {
        _engine.Activity<FlakyActivity>().FailuresLeft = 2;
        var flow = _engine.Compile(PayFlow(FastRetry));
        var state = EngineHarness.NewInstance(flow);
        state.Sequence = 10;

        await _engine.RunAsync(flow, state);

        _engine.Activity<FlakyActivity>().Calls.Select(c => (c.Attempt, c.Sequence, c.IdempotencyKey))
            .ShouldBe([(1, 12L, "inst-1:12"), (2, 12L, "inst-1:12"), (3, 12L, "inst-1:12")]);
    }

    [Fact]
    public async Task Retrying_a_faulted_resume_resumes_the_node_again_instead_of_re_executing_it()
    {
        // Regression: a resume that fails (e.g. confirming a payment) faults the instance. The bookmark that fired is
        // consumed, so the retry has to deliver the event again; re-executing the node (as the executor used to) re-arms
        // the wait and the event is lost.
        var approval = _engine.Activity<ApprovalActivity>();
        approval.ResumeFailuresLeft = 1;
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "approve", "type": "Approval" },
            { "id": "after", "type": "Record", "inputs": { "text": "approved" } }
            """,
            """{ "from": "start", "to": "approve" }, { "from": "approve", "outcome": "Approved", "to": "after" }"""));
        var state = EngineHarness.NewInstance(flow, correlationKey: "c-1");
        await _engine.RunAsync(flow, state);
        var payload = new Dictionary<string, object?> { ["by"] = "manager" };
        await _engine.RunAsync(flow, state, ResumeSignal.Event(ApprovalActivity.EventName, payload));
        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.NodeId.ShouldBe("approve");

        var result = await _engine.RunAsync(flow, state);

        approval.Calls.Select(c => c.Resumed).ShouldBe([false, true, true]);
        result.Journal[0].Kind.ShouldBe("resumed");
        result.Journal[0].Outcome.ShouldBe("Approved");
        state.Status.ShouldBe(InstanceStatus.Completed);
        state.NodeOutputs["approve"].ShouldBe(payload);
        approval.Calls[2].Event.ShouldBe(payload);
        approval.Calls[2].IdempotencyKey.ShouldBe(approval.Calls[1].IdempotencyKey);
    }

    // ---- errors while evaluating inputs ----

    [Fact]
    public async Task An_expression_error_in_an_input_faults_the_instance_instead_of_throwing()
    {
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "set", "type": "SetVariable", "inputs": { "name": "ratio", "value": "1 / 0" } },
            { "id": "after", "type": "Record" }
            """,
            """{ "from": "start", "to": "set" }, { "from": "set", "to": "after" }"""));
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.CurrentNodeId.ShouldBe("set");
        state.Variables.ContainsKey("ratio").ShouldBeFalse();
        var incident = state.Incident.ShouldNotBeNull();
        incident.NodeId.ShouldBe("set");
        incident.Message.ShouldContain("Division by zero");
        incident.ErrorType.ShouldBe("ExpressionEvaluationException");
        incident.Attempts.ShouldBe(1);
        var entry = result.Journal[^1];
        entry.Kind.ShouldBe("faulted");
        entry.Error!.ShouldContain("Division by zero");
        entry.Inputs.ShouldBeNull();
        _engine.Activity<RecordActivity>().Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_type_error_in_a_condition_faults_the_Decision_node()
    {
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "Decision", "inputs": { "condition": "vars.name * 2 > 3" } }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["name"] = "Ada" });

        await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.NodeId.ShouldBe("n");
        state.Incident.Message.ShouldContain("'*'");
    }

    [Fact]
    public async Task An_operation_cancelled_that_is_not_the_run_being_cancelled_is_a_failure()
    {
        _engine.Activity<RecordActivity>().OnExecute = (_, _) => throw new TaskCanceledException("HTTP request timed out");
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "Record", "retry": { "maxRetries": 2, "delay": "00:00:00.001" } }"""));
        var state = EngineHarness.NewInstance(flow);

        await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.ErrorType.ShouldBe(nameof(TaskCanceledException));
        state.Incident.Message.ShouldBe("HTTP request timed out");
    }

    // ---- cancellation ----

    [Fact]
    public async Task A_cancelled_token_makes_RunAsync_throw_OperationCanceledException()
    {
        var flow = _engine.Compile(PayFlow());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => _engine.RunAsync(flow, EngineHarness.NewInstance(flow), null, cts.Token));

        _engine.Activity<FlakyActivity>().Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancellation_between_steps_stops_the_run_with_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var recorder = _engine.Activity<RecordActivity>();
        recorder.OnExecute = (_, _) => cts.Cancel();
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "first", "type": "Record" },
            { "id": "second", "type": "Record" }
            """,
            """{ "from": "start", "to": "first" }, { "from": "first", "to": "second" }"""));

        await Should.ThrowAsync<OperationCanceledException>(() => _engine.RunAsync(flow, EngineHarness.NewInstance(flow), null, cts.Token));

        recorder.Calls.Select(c => c.NodeId).ShouldBe(["first"]);
    }

    [Fact]
    public async Task Cancellation_inside_an_activity_propagates_and_is_not_retried_or_faulted()
    {
        using var cts = new CancellationTokenSource();
        var recorder = _engine.Activity<RecordActivity>();
        recorder.OnExecute = (_, token) =>
        {
            cts.Cancel();
            token.ThrowIfCancellationRequested();
        };
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "Record", "retry": { "maxRetries": 3, "delay": "00:00:00.001" } }"""));
        var state = EngineHarness.NewInstance(flow);

        await Should.ThrowAsync<OperationCanceledException>(() => _engine.RunAsync(flow, state, null, cts.Token));

        recorder.Calls.Count.ShouldBe(1);
        state.Status.ShouldNotBe(InstanceStatus.Faulted);
        state.Incident.ShouldBeNull();
    }

    // ---- the step guard ----

    [Fact]
    public async Task A_run_that_never_waits_is_stopped_after_MaxStepsPerRun_and_faults()
    {
        // The step budget (1,000 a minute by default) would stop it first; raised here to reach the per-run guard.
        using var engine = new EngineHarness(s => s.Configure<EngineLimits>(l => l.MaxStepsPerWindow = 1_000_000));
        var flow = engine.Compile(Flow(
            """{ "id": "start", "type": "Start" }, { "id": "spin", "type": "Spin" }""",
            """{ "from": "start", "to": "spin" }, { "from": "spin", "to": "spin" }"""));
        var state = EngineHarness.NewInstance(flow);

        var result = await engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        result.Journal.Count.ShouldBe(FlowExecutor.MaxStepsPerRun + 1);
        var last = result.Journal[^1];
        last.Kind.ShouldBe("faulted");
        last.NodeId.ShouldBe("spin");
        last.Error!.ShouldContain($"exceeded {FlowExecutor.MaxStepsPerRun} steps");
        state.Incident!.NodeId.ShouldBe("spin");
        state.Incident.Sequence.ShouldBe(last.Sequence);
        state.Sequence.ShouldBe(last.Sequence);
    }
}
