using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Tests.Support;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Execution;

/// <summary><see cref="FlowExecutor.RunAsync"/> on flows that do not wait: journal, variables, node outputs, completion.</summary>
public sealed class LinearFlowExecutionTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private const string GreetingFlow = """
        {
          "id": "greeting",
          "name": "Greeting",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "greet", "type": "Log", "inputs": { "message": "Hello {{vars.name}} & <friends>" } },
            { "id": "count", "type": "SetVariable", "inputs": { "name": "count", "value": "vars.count + 1" } },
            { "id": "rec", "type": "Record", "inputs": { "text": "Count is {{vars.count}}; greeting was: {{nodes.greet}}", "value": "vars.count * 10" } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "to": "greet" },
            { "from": "greet", "to": "count" },
            { "from": "count", "to": "rec" },
            { "from": "rec", "to": "end" }
          ]
        }
        """;

    [Fact]
    public async Task A_linear_flow_completes_and_journals_one_entry_per_node()
    {
        var flow = _engine.Compile(GreetingFlow, version: 3);
        var state = EngineHarness.NewInstance(flow, id: "inst-7", variables: new Dictionary<string, object?> { ["name"] = "Ada", ["count"] = 1m });

        var result = await _engine.RunAsync(flow, state);

        result.State.ShouldBeSameAs(state);
        state.Status.ShouldBe(InstanceStatus.Completed);
        state.Sequence.ShouldBe(5);
        state.CurrentNodeId.ShouldBe("end");
        state.Incident.ShouldBeNull();
        state.Wait.ShouldBeNull();

        var journal = result.Journal;
        journal.Select(e => e.Sequence).ShouldBe([1L, 2, 3, 4, 5]);
        journal.Select(e => e.NodeId).ShouldBe(["start", "greet", "count", "rec", "end"]);
        journal.Select(e => e.ActivityType).ShouldBe(["Start", "Log", "SetVariable", "Record", "End"]);
        journal.ShouldAllBe(e => e.Kind == "executed" && e.Attempts == 1 && e.Error == null && e.StartedAt == EngineHarness.StartTime);
        journal.Select(e => e.Outcome).ShouldBe(["Done", "Done", "Done", "Done", "Completed"]);
    }

    [Fact]
    public async Task The_journal_records_evaluated_inputs_rendered_text_and_outputs()
    {
        var flow = _engine.Compile(GreetingFlow);
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["name"] = "Ada", ["count"] = 1m });

        var journal = (await _engine.RunAsync(flow, state)).Journal;

        var start = journal[0];
        start.Inputs.ShouldNotBeNull();
        start.Inputs["trigger"].ShouldBe("manual"); // the declared default
        start.Inputs["event"].ShouldBeNull();

        var greet = journal[1];
        greet.Inputs!["message"].ShouldBe("Hello Ada & <friends>"); // rendered, not HTML-escaped
        greet.Inputs["level"].ShouldBe("Information");
        greet.Output.ShouldBe("Hello Ada & <friends>");

        var count = journal[2];
        count.Inputs!["name"].ShouldBe("count");
        count.Inputs["value"].ShouldBe(2m); // evaluated expression
        count.Output.ShouldBe(2m);

        var rec = journal[3];
        rec.Inputs!["text"].ShouldBe("Count is 2; greeting was: Hello Ada & <friends>");
        rec.Inputs["value"].ShouldBe(20m);
        rec.Output.ShouldBeOfType<Dictionary<string, object?>>()["total"].ShouldBe(42m);

        journal[4].Output.ShouldBeNull();
    }

    [Fact]
    public async Task SetVariable_updates_the_instance_variables_seen_by_later_templates_and_expressions()
    {
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "setName", "type": "SetVariable", "inputs": { "name": "name", "value": "upper(vars.first) + \" \" + vars.last" } },
            { "id": "setTotal", "type": "SetVariable", "inputs": { "name": "total", "value": "vars.price * vars.qty" } },
            { "id": "rec", "type": "Record", "inputs": { "text": "{{vars.name}} owes {{vars.total}}", "value": "vars.total > 1000" } }
            """,
            """{ "from": "start", "to": "setName" }, { "from": "setName", "to": "setTotal" }, { "from": "setTotal", "to": "rec" }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?>
        {
            ["first"] = "ada", ["last"] = "Obi", ["price"] = 1250.50m, ["qty"] = 2m,
        });

        await _engine.RunAsync(flow, state);

        state.Variables["name"].ShouldBe("ADA Obi");
        state.Variables["total"].ShouldBe(2501.00m);
        var call = _engine.Activity<RecordActivity>().Calls.ShouldHaveSingleItem();
        call.Inputs["text"].ShouldBe("ADA Obi owes 2501.00");
        call.Inputs["value"].ShouldBe(true);
    }

    [Fact]
    public async Task Node_outputs_are_visible_to_later_nodes_as_nodes_id()
    {
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "rec", "type": "Record", "inputs": { "text": "order {{vars.orderId}}" } },
            { "id": "double", "type": "SetVariable", "inputs": { "name": "doubled", "value": "nodes.rec.total * 2" } },
            { "id": "say", "type": "Log", "inputs": { "message": "{{nodes.rec.echo}} / {{nodes.double}}" } }
            """,
            """{ "from": "start", "to": "rec" }, { "from": "rec", "to": "double" }, { "from": "double", "to": "say" }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["orderId"] = "A-77" });

        var result = await _engine.RunAsync(flow, state);

        state.Variables["doubled"].ShouldBe(84m);
        result.Journal[^1].Inputs!["message"].ShouldBe("order A-77 / 84");
        state.NodeOutputs.Keys.ShouldBe(["start", "rec", "double", "say"], ignoreOrder: true);
        state.NodeOutputs["start"].ShouldBeNull();
    }

    [Fact]
    public async Task Outputs_of_nodes_whose_id_has_a_dash_are_read_with_an_index()
    {
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "wait-order", "type": "Record", "inputs": { "text": "A-77" } },
            { "id": "set", "type": "SetVariable", "inputs": { "name": "order", "value": "nodes[\"wait-order\"].echo + \"/\" + string(nodes[\"wait-order\"].total)" } }
            """,
            """{ "from": "start", "to": "wait-order" }, { "from": "wait-order", "to": "set" }"""));
        var state = EngineHarness.NewInstance(flow);

        await _engine.RunAsync(flow, state);

        state.Variables["order"].ShouldBe("A-77/42");
    }

    [Fact]
    public async Task An_empty_condition_input_is_false()
    {
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "Probe", "inputs": { "when": "" } }"""));

        var entry = (await _engine.RunAsync(flow, EngineHarness.NewInstance(flow))).Journal[^1];

        entry.Inputs!["when"].ShouldBe(false);
    }

    [Fact]
    public async Task The_journal_keeps_a_snapshot_of_outputs_not_a_live_reference()
    {
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "Record", "inputs": { "text": "x" } }"""));
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);
        ((Dictionary<string, object?>)state.NodeOutputs["n"]!)["total"] = 0m;

        ((Dictionary<string, object?>)result.Journal[^1].Output!)["total"].ShouldBe(42m);
    }

    [Fact]
    public async Task Expressions_and_templates_see_the_instance_and_the_starting_event()
    {
        var flow = _engine.Compile(StartThen(
            """{ "id": "n", "type": "Record", "inputs": { "text": "{{instance.id}}|{{instance.flowId}}|{{instance.correlationKey}}|{{event.text}}", "value": "instance.version + len(event.items)" } }"""));
        var state = EngineHarness.NewInstance(flow, id: "i-9", correlationKey: "+2348012345678",
            @event: new Dictionary<string, object?> { ["text"] = "I want to pay", ["items"] = new List<object?> { 1m, 2m } });

        await _engine.RunAsync(flow, state);

        var call = _engine.Activity<RecordActivity>().Calls.ShouldHaveSingleItem();
        call.Inputs["text"].ShouldBe("i-9|test-flow|+2348012345678|I want to pay");
        call.Inputs["value"].ShouldBe(3m);
        call.Event.ShouldBeSameAs(state.Event);
    }

    [Fact]
    public async Task An_unconnected_outcome_completes_the_instance()
    {
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "vip", "type": "Decision", "inputs": { "condition": "vars.vip" } },
            { "id": "regular", "type": "Log", "inputs": { "message": "regular" } }
            """,
            """{ "from": "start", "to": "vip" }, { "from": "vip", "outcome": "False", "to": "regular" }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["vip"] = true });

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
        state.CurrentNodeId.ShouldBe("vip");
        result.Journal.Count.ShouldBe(2);
        result.Journal[^1].Outcome.ShouldBe(Outcomes.True);
        result.Journal[^1].Kind.ShouldBe("executed");
    }

    [Fact]
    public async Task End_completes_the_instance_without_running_anything_after_it()
    {
        var flow = _engine.Compile(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "end", "type": "End" }
            """,
            """{ "from": "start", "to": "end" }"""));
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);

        state.Status.ShouldBe(InstanceStatus.Completed);
        state.CurrentNodeId.ShouldBe("end");
        result.Journal[^1].ShouldSatisfyAllConditions(
            e => e.NodeId.ShouldBe("end"),
            e => e.Outcome.ShouldBe("Completed"),
            e => e.Kind.ShouldBe("executed"));
        state.NodeOutputs.ContainsKey("end").ShouldBeTrue();
    }

    [Fact]
    public async Task Sequence_numbers_continue_from_the_state()
    {
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "Record" }"""));
        var state = EngineHarness.NewInstance(flow);
        state.Sequence = 41;

        var result = await _engine.RunAsync(flow, state);

        result.Journal.Select(e => e.Sequence).ShouldBe([42L, 43]);
        state.Sequence.ShouldBe(43);
        _engine.Activity<RecordActivity>().Calls.ShouldHaveSingleItem().IdempotencyKey.ShouldBe("inst-1:43");
    }

    [Fact]
    public async Task Number_and_json_inputs_are_evaluated_to_plain_values()
    {
        var flow = _engine.Compile(StartThen(
            """{ "id": "n", "type": "Probe", "inputs": { "amount": "1800000.50", "enabled": true, "payload": { "a": [1, "x"] }, "wait": "1h", "when": "vars.ok", "at": "2026-12-24T18:00:00+01:00" } }"""));
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["ok"] = 1m });

        var entry = (await _engine.RunAsync(flow, state)).Journal[^1];

        entry.Inputs!["amount"].ShouldBe(1800000.50m);
        entry.Inputs["enabled"].ShouldBe(true);
        var payload = entry.Inputs["payload"].ShouldBeOfType<Dictionary<string, object?>>();
        payload["a"].ShouldBeOfType<List<object?>>().ShouldBe([1m, "x"]);
        entry.Inputs["wait"].ShouldBe(TimeSpan.FromHours(1));
        entry.Inputs["when"].ShouldBe(true);
        entry.Inputs["at"].ShouldBe(new DateTimeOffset(2026, 12, 24, 17, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Running_a_completed_instance_is_refused()
    {
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "End" }"""));
        var state = EngineHarness.NewInstance(flow);
        await _engine.RunAsync(flow, state);

        await Should.ThrowAsync<InvalidOperationException>(() => _engine.RunAsync(flow, state));
    }

    [Fact]
    public async Task Running_a_cancelled_instance_is_refused()
    {
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "End" }"""));
        var state = EngineHarness.NewInstance(flow);
        state.Status = InstanceStatus.Cancelled;

        var ex = await Should.ThrowAsync<InvalidOperationException>(() => _engine.RunAsync(flow, state));
        ex.Message.ShouldContain("Cancelled");
    }
}
