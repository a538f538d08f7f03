using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Execution;

/// <summary>The run-time side of the loop rule: computed waits on a loop are raised to the minimum; a step budget stops runaways.</summary>
public sealed class LoopGuardExecutionTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private static string ComputedDelayLoop(string inputs) => Flow(
        $$"""
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "Delay", "inputs": {{inputs}} },
        { "id": "log", "type": "Log", "inputs": { "message": "tick" } }
        """,
        """{ "from": "start", "to": "wait" }, { "from": "wait", "to": "log" }, { "from": "log", "to": "wait" }""");

    [Theory]
    [InlineData("""{ "duration": "{{vars.pause}}" }""")]
    [InlineData("""{ "until": "{{vars.pause}}" }""")]
    public async Task A_computed_Delay_on_a_loop_that_comes_out_short_waits_the_minimum(string inputs)
    {
        var flow = _engine.Compile(ComputedDelayLoop(inputs));
        var now = _engine.Clock.GetUtcNow();
        var pause = inputs.Contains("until") ? "2020-01-01T00:00:00Z" : "0s";
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["pause"] = pause });

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Waiting);
        state.Wait!.WakeAt.ShouldBe(now + TimeSpan.FromMinutes(1));
        result.Journal.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_computed_Delay_on_a_loop_that_is_long_enough_is_kept()
    {
        var flow = _engine.Compile(ComputedDelayLoop("""{ "duration": "{{vars.pause}}" }"""));
        var now = _engine.Clock.GetUtcNow();
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["pause"] = "2h" });

        await _engine.RunAsync(flow, state);

        state.Wait!.WakeAt.ShouldBe(now + TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task A_computed_Delay_outside_a_loop_may_be_short()
    {
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "Delay", "inputs": { "duration": "{{vars.pause}}" } }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["pause"] = "0s" });

        await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_computed_timeout_on_a_loop_waits_at_least_the_minimum()
    {
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "message.received", "timeout": "{{vars.t}}" } },
            { "id": "log", "type": "Log", "inputs": { "message": "tick" } }
            """,
            """{ "from": "start", "to": "wait" }, { "from": "wait", "outcome": "TimedOut", "to": "log" }, { "from": "log", "to": "wait" }"""));
        var now = _engine.Clock.GetUtcNow();
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["t"] = "1s" });

        await _engine.RunAsync(flow, state);

        state.Wait!.WakeAt.ShouldBe(now + TimeSpan.FromMinutes(1));
    }

    // ---- the step budget ----

    private static EngineHarness WithBudget(int steps) =>
        new(s => s.Configure<EngineLimits>(l => { l.MaxStepsPerWindow = steps; l.StepWindow = TimeSpan.FromMinutes(1); }));

    /// <summary>Spin may suspend (so validation lets its loop through) but never does: a runaway the rule cannot see.</summary>
    private const string SpinLoop = """
        { "id": "start", "type": "Start" }, { "id": "spin", "type": "Spin" }
        """;

    [Fact]
    public async Task A_runaway_instance_is_stopped_by_the_step_budget_with_a_retryable_incident()
    {
        using var engine = WithBudget(50);
        var flow = engine.Compile(Flow(SpinLoop, """{ "from": "start", "to": "spin" }, { "from": "spin", "to": "spin" }"""));
        var state = EngineHarness.NewInstance(flow);

        var result = await engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        result.Journal.Count(e => e.Kind == "executed").ShouldBe(50);
        var last = result.Journal[^1];
        last.Kind.ShouldBe("faulted");
        last.Error.ShouldBe("The instance ran 50 steps within 00:01:00 (HaloAgent:Engine:Limits:MaxStepsPerWindow) and was stopped: a loop that runs too often? Retry it to continue.");
        state.Incident!.ErrorType.ShouldBe(FlowExecutor.StepBudgetExceeded);
        state.Incident.NodeId.ShouldBe("spin");

        // Retrying is a person's decision: a fresh window, so it runs another 50 steps before the budget stops it again.
        var retried = await engine.RunAsync(flow, state);

        retried.Journal.Count(e => e.Kind == "executed").ShouldBe(50);
        state.Status.ShouldBe(InstanceStatus.Faulted);
    }

    [Fact]
    public async Task The_budget_counts_across_runs_and_starts_again_in_the_next_window()
    {
        using var engine = WithBudget(5);
        var flow = engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "ping" } },
            { "id": "log", "type": "Log", "inputs": { "message": "tick" } }
            """,
            """{ "from": "start", "to": "wait" }, { "from": "wait", "outcome": "Received", "to": "log" }, { "from": "log", "to": "wait" }"""));
        var state = EngineHarness.NewInstance(flow);
        await engine.RunAsync(flow, state); // start, wait: 2 steps

        await engine.RunAsync(flow, state, ResumeSignal.Event("ping", null)); // wait, log, wait: 5
        state.Status.ShouldBe(InstanceStatus.Waiting);
        await engine.RunAsync(flow, state, ResumeSignal.Event("ping", null)); // the 6th step is over the budget
        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.ErrorType.ShouldBe(FlowExecutor.StepBudgetExceeded);

        var again = EngineHarness.NewInstance(flow, id: "inst-2");
        await engine.RunAsync(flow, again);
        await engine.RunAsync(flow, again, ResumeSignal.Event("ping", null));
        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        await engine.RunAsync(flow, again, ResumeSignal.Event("ping", null));
        again.Status.ShouldBe(InstanceStatus.Waiting);
    }
}
