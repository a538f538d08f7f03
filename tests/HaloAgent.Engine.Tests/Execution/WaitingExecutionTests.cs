using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Tests.Support;
using HaloAgent.Engine.Values;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Execution;

/// <summary>Suspension and resumption: Delay timers and WaitForEvent bookmarks.</summary>
public sealed class WaitingExecutionTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private static string DelayFlow(string inputs) => Flow(
        $$$"""
        { "id": "start", "type": "Start" },
        { "id": "pause", "type": "Delay", "inputs": {{{inputs}}} },
        { "id": "after", "type": "Record", "inputs": { "text": "woke at {{vars.mark}}" } }
        """,
        """{ "from": "start", "to": "pause" }, { "from": "pause", "to": "after" }""");

    // ---- Delay ----

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("15m", 15 * 60)]
    [InlineData("2h", 2 * 3600)]
    [InlineData("1d 2h", 26 * 3600)]
    [InlineData("PT30M", 30 * 60)]
    public async Task Delay_suspends_until_now_plus_the_duration(string duration, int seconds)
    {
        var flow = _engine.Compile(DelayFlow($$"""{ "duration": "{{duration}}" }"""));
        _engine.Clock.Advance(TimeSpan.FromMinutes(7)); // "now" is the clock at run time, not at compile time
        var now = _engine.Clock.GetUtcNow();
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Waiting);
        state.CurrentNodeId.ShouldBe("pause");
        state.Wait.ShouldNotBeNull();
        state.Wait.WakeAt.ShouldBe(now + TimeSpan.FromSeconds(seconds));
        state.Wait.Bookmarks.ShouldBeEmpty();
        result.Journal.Select(e => (e.NodeId, e.Kind)).ShouldBe([("start", "executed"), ("pause", "suspended")]);
        result.Journal[^1].Outcome.ShouldBeNull();
        result.Journal[^1].Inputs!["duration"].ShouldBe(TimeSpan.FromSeconds(seconds));
        _engine.Activity<RecordActivity>().Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Resuming_a_Delay_with_the_timer_continues_with_Done()
    {
        var flow = _engine.Compile(DelayFlow("""{ "duration": "2h" }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["mark"] = "noon" });
        await _engine.RunAsync(flow, state);
        _engine.Clock.Advance(TimeSpan.FromHours(2));

        var result = await _engine.RunAsync(flow, state, ResumeSignal.Timer);

        state.Status.ShouldBe(InstanceStatus.Completed);
        state.Wait.ShouldBeNull();
        result.Journal.Select(e => (e.Sequence, e.NodeId, e.Kind, e.Outcome)).ShouldBe(
        [
            (3L, "pause", "resumed", "Done"),
            (4L, "after", "executed", "Done"),
        ]);
        result.Journal[0].StartedAt.ShouldBe(EngineHarness.StartTime.AddHours(2));
        _engine.Activity<RecordActivity>().Calls.ShouldHaveSingleItem().Inputs["text"].ShouldBe("woke at noon");
    }

    [Fact]
    public async Task Delay_with_a_duration_template_renders_it_first()
    {
        var flow = _engine.Compile(DelayFlow("""{ "duration": "{{vars.wait}}" }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["wait"] = "45m" });

        await _engine.RunAsync(flow, state);

        state.Wait!.WakeAt.ShouldBe(EngineHarness.StartTime.AddMinutes(45));
    }

    [Fact]
    public async Task Delay_until_a_future_date_suspends_until_that_date()
    {
        var flow = _engine.Compile(DelayFlow("""{ "until": "{{vars.due}}" }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["due"] = "2026-11-24T08:30:00+01:00" });

        await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Waiting);
        state.Wait!.WakeAt.ShouldBe(new DateTimeOffset(2026, 11, 24, 7, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2020-01-01T00:00:00Z")]
    [InlineData("2026-11-22T09:00:00Z")] // exactly now
    public async Task Delay_until_a_date_that_has_passed_continues_immediately(string until)
    {
        var flow = _engine.Compile(DelayFlow($$"""{ "until": "{{until}}" }"""));
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
        state.Wait.ShouldBeNull();
        result.Journal.Select(e => (e.NodeId, e.Kind, e.Outcome)).ShouldBe(
        [
            ("start", "executed", "Done"),
            ("pause", "executed", "Done"),
            ("after", "executed", "Done"),
        ]);
    }

    [Fact]
    public async Task Delay_of_zero_continues_immediately()
    {
        var flow = _engine.Compile(DelayFlow("""{ "duration": "0s" }"""));
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
        result.Journal.Select(e => e.Kind).ShouldBe(["executed", "executed", "executed"]);
    }

    [Fact]
    public async Task Delay_with_both_inputs_uses_the_duration()
    {
        var flow = _engine.Compile(DelayFlow("""{ "duration": "1h", "until": "2020-01-01T00:00:00Z" }"""));
        var state = EngineHarness.NewInstance(flow);

        await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Waiting);
        state.Wait!.WakeAt.ShouldBe(EngineHarness.StartTime.AddHours(1));
    }

    [Fact]
    public async Task Delay_until_a_date_without_offset_reads_it_as_utc()
    {
        var flow = _engine.Compile(DelayFlow("""{ "until": "2026-12-24T09:00:00" }"""));
        var state = EngineHarness.NewInstance(flow);

        await _engine.RunAsync(flow, state);

        state.Wait!.WakeAt.ShouldBe(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Delay_until_an_unparseable_date_faults_the_instance()
    {
        var flow = _engine.Compile(DelayFlow("""{ "until": "{{vars.due}}" }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["due"] = "next tuesday" });

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.NodeId.ShouldBe("pause");
        state.Incident.Message.ShouldContain("'next tuesday' is not a date and time");
        result.Journal[^1].Kind.ShouldBe("faulted");
    }

    [Fact]
    public async Task A_waiting_instance_needs_a_signal_to_run()
    {
        var flow = _engine.Compile(DelayFlow("""{ "duration": "1h" }"""));
        var state = EngineHarness.NewInstance(flow);
        await _engine.RunAsync(flow, state);

        await Should.ThrowAsync<ArgumentNullException>(() => _engine.RunAsync(flow, state, signal: null));
    }

    // ---- WaitForEvent ----

    private static string WaitFlow(string inputs) => Flow(
        $$$"""
        { "id": "start", "type": "Start" },
        { "id": "wait", "type": "WaitForEvent", "inputs": {{{inputs}}} },
        { "id": "got", "type": "Record", "inputs": { "text": "paid {{vars.payment.amount}} ref {{event.ref}}", "value": "nodes.wait.amount" } },
        { "id": "late", "type": "Record", "inputs": { "text": "timed out" } }
        """,
        """
        { "from": "start", "to": "wait" },
        { "from": "wait", "outcome": "Received", "to": "got" },
        { "from": "wait", "outcome": "TimedOut", "to": "late" }
        """);

    [Fact]
    public async Task WaitForEvent_suspends_on_a_bookmark_for_the_instance_correlation_key()
    {
        var flow = _engine.Compile(WaitFlow("""{ "event": "payment.confirmed" }"""));
        var state = EngineHarness.NewInstance(flow, correlationKey: "+2348012345678");

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Waiting);
        state.CurrentNodeId.ShouldBe("wait");
        state.Wait.ShouldNotBeNull();
        state.Wait.WakeAt.ShouldBeNull();
        state.Wait.Bookmarks.ShouldBe([new BookmarkSpec("payment.confirmed", "+2348012345678")]);
        result.Journal[^1].Kind.ShouldBe("suspended");
        result.Journal[^1].Inputs!["correlation"].ShouldBe("+2348012345678");
    }

    [Fact]
    public async Task WaitForEvent_without_a_correlation_key_correlates_on_the_instance_id()
    {
        var flow = _engine.Compile(WaitFlow("""{ "event": "payment.confirmed" }"""));
        var state = EngineHarness.NewInstance(flow, id: "inst-42");

        await _engine.RunAsync(flow, state);

        state.Wait!.Bookmarks.ShouldBe([new BookmarkSpec("payment.confirmed", "inst-42")]);
    }

    [Fact]
    public async Task WaitForEvent_with_an_explicit_correlation_template()
    {
        var flow = _engine.Compile(WaitFlow("""{ "event": "payment.confirmed", "correlation": "order-{{vars.orderId}}" }"""));
        var state = EngineHarness.NewInstance(flow, correlationKey: "+2348012345678", variables: new Dictionary<string, object?> { ["orderId"] = 77m });

        await _engine.RunAsync(flow, state);

        state.Wait!.Bookmarks.ShouldBe([new BookmarkSpec("payment.confirmed", "order-77")]);
    }

    [Fact]
    public async Task WaitForEvent_with_a_timeout_also_sets_a_wake_time()
    {
        var flow = _engine.Compile(WaitFlow("""{ "event": "payment.confirmed", "timeout": "30m" }"""));
        var state = EngineHarness.NewInstance(flow, correlationKey: "c-1");

        await _engine.RunAsync(flow, state);

        state.Wait!.WakeAt.ShouldBe(EngineHarness.StartTime.AddMinutes(30));
        state.Wait.Bookmarks.ShouldHaveSingleItem().EventName.ShouldBe("payment.confirmed");
    }

    [Fact]
    public async Task Resuming_with_the_event_stores_the_payload_and_takes_Received()
    {
        var flow = _engine.Compile(WaitFlow("""{ "event": "payment.confirmed", "timeout": "30m", "variable": "payment" }"""));
        var state = EngineHarness.NewInstance(flow, correlationKey: "c-1", @event: new Dictionary<string, object?> { ["ref"] = "START" });
        await _engine.RunAsync(flow, state);
        var payload = PlainValue.ObjectFromJson("""{ "amount": 1800000, "ref": "PAY-9" }""");
        _engine.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await _engine.RunAsync(flow, state, ResumeSignal.Event("payment.confirmed", payload));

        state.Status.ShouldBe(InstanceStatus.Completed);
        state.Wait.ShouldBeNull();
        state.Variables["payment"].ShouldBeSameAs(payload);
        state.Event.ShouldBeSameAs(payload);
        state.NodeOutputs["wait"].ShouldBeSameAs(payload);
        result.Journal.Select(e => (e.Sequence, e.NodeId, e.Kind, e.Outcome)).ShouldBe(
        [
            (3L, "wait", "resumed", "Received"),
            (4L, "got", "executed", "Done"),
        ]);
        var call = _engine.Activity<RecordActivity>().Calls.ShouldHaveSingleItem();
        call.NodeId.ShouldBe("got");
        call.Inputs["text"].ShouldBe("paid 1800000 ref PAY-9");
        call.Inputs["value"].ShouldBe(1800000m);
        call.Event.ShouldBeSameAs(payload);
    }

    [Fact]
    public async Task Resuming_with_the_event_without_a_variable_only_sets_event()
    {
        var flow = _engine.Compile(WaitFlow("""{ "event": "payment.confirmed" }"""));
        var state = EngineHarness.NewInstance(flow, correlationKey: "c-1");
        await _engine.RunAsync(flow, state);

        await _engine.RunAsync(flow, state, ResumeSignal.Event("payment.confirmed", new Dictionary<string, object?> { ["ref"] = "R1" }));

        state.Variables.ShouldBeEmpty();
        _engine.Activity<RecordActivity>().Calls.ShouldHaveSingleItem().Inputs["text"].ShouldBe("paid  ref R1");
    }

    [Fact]
    public async Task Resuming_with_the_timer_takes_TimedOut()
    {
        var flow = _engine.Compile(WaitFlow("""{ "event": "payment.confirmed", "timeout": "30m", "variable": "payment" }"""));
        var before = new Dictionary<string, object?> { ["ref"] = "START" };
        var state = EngineHarness.NewInstance(flow, correlationKey: "c-1", @event: before);
        await _engine.RunAsync(flow, state);
        _engine.Clock.Advance(TimeSpan.FromMinutes(30));

        var result = await _engine.RunAsync(flow, state, ResumeSignal.Timer);

        state.Status.ShouldBe(InstanceStatus.Completed);
        result.Journal.Select(e => (e.NodeId, e.Kind, e.Outcome)).ShouldBe(
        [
            ("wait", "resumed", "TimedOut"),
            ("late", "executed", "Done"),
        ]);
        state.Variables.ContainsKey("payment").ShouldBeFalse();
        state.Event.ShouldBeSameAs(before); // a timer does not replace the event
        _engine.Activity<RecordActivity>().Calls.ShouldHaveSingleItem().NodeId.ShouldBe("late");
    }

    [Fact]
    public async Task A_wait_inside_a_loop_suspends_again_on_each_pass()
    {
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "ask", "type": "SetVariable", "inputs": { "name": "asked", "value": "coalesce(vars.asked, 0) + 1" } },
            { "id": "reply", "type": "WaitForEvent", "inputs": { "event": "message.received", "timeout": "1h" } }
            """,
            """{ "from": "start", "to": "ask" }, { "from": "ask", "to": "reply" }, { "from": "reply", "outcome": "TimedOut", "to": "ask" }"""));
        var state = EngineHarness.NewInstance(flow, correlationKey: "c-1");

        await _engine.RunAsync(flow, state);
        for (var i = 0; i < 3; i++)
        {
            _engine.Clock.Advance(TimeSpan.FromHours(1));
            var result = await _engine.RunAsync(flow, state, ResumeSignal.Timer);
            result.Journal.Select(e => e.Kind).ShouldBe(["resumed", "executed", "suspended"]);
        }

        state.Status.ShouldBe(InstanceStatus.Waiting);
        state.Variables["asked"].ShouldBe(4m);
        state.Wait!.WakeAt.ShouldBe(EngineHarness.StartTime.AddHours(4));
        state.Sequence.ShouldBe(3 + 3 * 3);

        await _engine.RunAsync(flow, state, ResumeSignal.Event("message.received", "yes"));
        state.Status.ShouldBe(InstanceStatus.Completed);
        state.Event.ShouldBe("yes");
    }
}
