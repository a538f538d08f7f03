using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Tests.Support;
using HaloAgent.Engine.Validation;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Validation;

/// <summary>Graph-level checks of <see cref="FlowCompiler.Validate"/>: nodes, edges, outcomes, reachability, loops, header.</summary>
public sealed class FlowStructureValidationTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private IReadOnlyList<ValidationError> Validate(string json) => _engine.Validate(json);

    [Fact]
    public void A_fully_valid_flow_has_no_errors()
    {
        var json = """
            {
              "id": "abandoned-cart",
              "name": "Abandoned cart",
              "description": "Nudges a customer who left items in the cart.",
              "options": { "singleton": true },
              "variables": [ { "name": "cart", "type": "object" }, { "name": "reminders", "type": "number", "default": 0 } ],
              "nodes": [
                { "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "cart.abandoned", "condition": "event.total > 0" } },
                { "id": "remember", "type": "SetVariable", "inputs": { "name": "cart", "value": "event" } },
                { "id": "wait", "type": "Delay", "inputs": { "duration": "2h" } },
                { "id": "big", "type": "Decision", "inputs": { "condition": "vars.cart.total >= 100000" } },
                { "id": "ab", "type": "Split", "inputs": { "variants": [ { "name": "A", "weight": 50 }, { "name": "B", "weight": 50 } ] } },
                { "id": "tier", "type": "Switch", "inputs": { "cases": [ { "name": "vip", "condition": "contains(vars.cart.tags, \"vip\")" } ] } },
                { "id": "remind", "type": "Log", "inputs": { "message": "Hi {{vars.cart.name}}, you left {{vars.cart.count}} items", "level": "Warning" } },
                { "id": "reply", "type": "WaitForEvent", "inputs": { "event": "message.received", "timeout": "1d", "variable": "reply" }, "retry": { "maxRetries": 3, "delay": "00:00:02" } },
                { "id": "done", "type": "End" }
              ],
              "edges": [
                { "from": "start", "to": "remember" },
                { "from": "remember", "to": "wait" },
                { "from": "wait", "to": "big" },
                { "from": "big", "outcome": "True", "to": "ab" },
                { "from": "big", "outcome": "False", "to": "done" },
                { "from": "ab", "outcome": "A", "to": "tier" },
                { "from": "ab", "outcome": "B", "to": "remind" },
                { "from": "tier", "outcome": "vip", "to": "remind" },
                { "from": "tier", "outcome": "Default", "to": "remind" },
                { "from": "remind", "to": "reply" },
                { "from": "reply", "outcome": "TimedOut", "to": "wait" },
                { "from": "reply", "outcome": "Received", "to": "done" }
              ]
            }
            """;

        Validate(json).ShouldBeValid();

        var flow = _engine.Compile(json, version: 7);
        flow.FlowId.ShouldBe("abandoned-cart");
        flow.Version.ShouldBe(7);
        flow.StartNodes.Select(n => n.Id).ShouldBe(["start"]);
        flow.Next("big", Outcomes.True).ShouldBe("ab");
        flow.Next("tier", Outcomes.Default).ShouldBe("remind");
        flow.Next("reply", Outcomes.TimedOut).ShouldBe("wait");
        flow.Next("done", Outcomes.Done).ShouldBeNull();
        flow.HasNode("remind").ShouldBeTrue();
        flow.HasNode("nope").ShouldBeFalse();
        flow.Activity("ab").Descriptor.Type.ShouldBe("Split");
    }

    [Fact]
    public void Compile_throws_FlowValidationException_carrying_the_errors()
    {
        var json = Flow("""{ "id": "start", "type": "Start" }, { "id": "d", "type": "Decision" }""", """{ "from": "start", "to": "d" }""", id: "Bad Id");

        var ex = Should.Throw<FlowValidationException>(() => _engine.Compile(json));

        ex.Errors.ShouldHaveError(null, "id", "lower-case");
        ex.Errors.ShouldHaveError("d", "condition", "'Condition' is required.");
        ex.Errors.Count.ShouldBe(2);
        ex.Message.ShouldStartWith("The flow is not valid:");
        ex.Message.ShouldContain("Node 'd', input 'condition': 'Condition' is required.");
    }

    [Fact]
    public void Validate_and_Compile_report_the_same_errors()
    {
        var json = StartThen("""{ "id": "n", "type": "Teleport" }""");

        var errors = Validate(json);
        var ex = Should.Throw<FlowValidationException>(() => _engine.Compile(json));

        ex.Errors.ShouldBe(errors);
    }

    [Fact]
    public void Unknown_activity_type_names_the_node_and_the_type()
    {
        var errors = Validate(StartThen("""{ "id": "n", "type": "Teleport" }"""));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("n");
        error.Field.ShouldBeNull();
        error.Message.ShouldBe("Unknown activity type 'Teleport'.");
    }

    [Fact]
    public void Activity_types_are_case_sensitive()
    {
        Validate(StartThen("""{ "id": "n", "type": "log", "inputs": { "message": "hi" } }"""))
            .ShouldHaveError("n", null, "Unknown activity type 'log'");
    }

    [Fact]
    public void Dangling_edge_to_a_missing_node_is_reported_on_the_source_node()
    {
        var errors = Validate(Flow("""{ "id": "start", "type": "Start" }""", """{ "from": "start", "to": "ghost" }"""));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("start");
        error.Field.ShouldBe("edges");
        error.Message.ShouldContain("start --Done--> ghost");
        error.Message.ShouldContain("does not exist (dangling edge)");
    }

    [Fact]
    public void Edge_from_a_missing_node_names_that_node()
    {
        var errors = Validate(Flow(
            """{ "id": "start", "type": "Start" }, { "id": "end", "type": "End" }""",
            """{ "from": "start", "to": "end" }, { "from": "ghost", "to": "end" }"""));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("ghost");
        error.Field.ShouldBe("edges");
        error.Message.ShouldContain("ghost --Done--> end");
        error.Message.ShouldContain("starts at a node that does not exist");
    }

    [Fact]
    public void Outcome_the_activity_does_not_have_lists_the_outcomes_it_has()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "d", "type": "Decision", "inputs": { "condition": "true" } },
            { "id": "end", "type": "End" }
            """,
            """{ "from": "start", "to": "d" }, { "from": "d", "outcome": "Maybe", "to": "end" }"""));

        errors.ShouldHaveError("d", "edges", "'Maybe' is not an outcome of Decision", "True, False");
    }

    [Fact]
    public void Edge_without_outcome_means_Done_which_a_Decision_does_not_have()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "d", "type": "Decision", "inputs": { "condition": "true" } },
            { "id": "end", "type": "End" }
            """,
            """{ "from": "start", "to": "d" }, { "from": "d", "to": "end" }"""));

        errors.ShouldHaveError("d", "edges", "'Done' is not an outcome of Decision");
    }

    [Fact]
    public void End_has_no_outcomes_so_any_edge_out_of_it_is_an_error()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "end", "type": "End" },
            { "id": "log", "type": "Log", "inputs": { "message": "after the end" } }
            """,
            """{ "from": "start", "to": "end" }, { "from": "end", "to": "log" }"""));

        errors.ShouldHaveError("end", "edges", "'Done' is not an outcome of End", "it has none");
    }

    [Fact]
    public void The_same_outcome_connected_twice_is_an_error()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "a", "type": "Log", "inputs": { "message": "a" } },
            { "id": "b", "type": "Log", "inputs": { "message": "b" } }
            """,
            """{ "from": "start", "to": "a" }, { "from": "start", "outcome": "Done", "to": "b" }"""));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("start");
        error.Field.ShouldBe("edges");
        error.Message.ShouldContain("Outcome 'Done' is connected twice");
    }

    [Fact]
    public void An_edge_into_a_Start_node_is_reported_on_the_Start_node()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "a", "type": "Log", "inputs": { "message": "a" } }
            """,
            """{ "from": "start", "to": "a" }, { "from": "a", "to": "start" }"""));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("start");
        error.Field.ShouldBe("edges");
        error.Message.ShouldContain("a --Done--> start");
        error.Message.ShouldContain("leads into a Start node");
    }

    [Fact]
    public void An_unreachable_node_is_reported()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "a", "type": "Log", "inputs": { "message": "a" } },
            { "id": "orphan", "type": "Log", "inputs": { "message": "nobody comes here" } },
            { "id": "orphan2", "type": "End" }
            """,
            """{ "from": "start", "to": "a" }, { "from": "orphan", "to": "orphan2" }"""));

        errors.Count.ShouldBe(2, ValidationAssertions.Describe(errors));
        errors.ShouldHaveError("orphan", null, "cannot be reached from any Start node");
        errors.ShouldHaveError("orphan2", null, "cannot be reached from any Start node");
    }

    [Fact]
    public void Nodes_reached_from_any_of_several_Start_nodes_are_reachable()
    {
        Validate(Flow(
            """
            { "id": "manual", "type": "Start" },
            { "id": "onEvent", "type": "Start", "inputs": { "trigger": "event", "event": "order.created" } },
            { "id": "a", "type": "Log", "inputs": { "message": "a" } },
            { "id": "b", "type": "Log", "inputs": { "message": "b" } }
            """,
            """{ "from": "manual", "to": "a" }, { "from": "onEvent", "to": "b" }""")).ShouldBeValid();
    }

    [Fact]
    public void A_flow_without_a_Start_node_is_rejected()
    {
        var errors = Validate(Flow(
            """{ "id": "a", "type": "Log", "inputs": { "message": "a" } }, { "id": "end", "type": "End" }""",
            """{ "from": "a", "to": "end" }"""));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBeNull();
        error.Field.ShouldBe("nodes");
        error.Message.ShouldBe("The flow needs a Start node.");
    }

    [Fact]
    public void An_empty_flow_is_rejected_for_lack_of_a_Start_node()
    {
        Validate(Flow("")).ShouldHaveError(null, "nodes", "needs a Start node");
    }

    [Fact]
    public void Duplicate_node_ids_are_reported()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "a", "type": "Log", "inputs": { "message": "first" } },
            { "id": "a", "type": "End" }
            """,
            """{ "from": "start", "to": "a" }"""));

        errors.ShouldHaveError("a", null, "Two nodes have this id.");
    }

    [Fact]
    public void A_node_without_an_id_is_reported()
    {
        var errors = Validate(Flow(
            """{ "id": "start", "type": "Start" }, { "id": " ", "type": "End" }""",
            ""));

        errors.ShouldHaveError(null, "nodes", "A node of type 'End' has no id.");
    }

    [Fact]
    public void A_loop_without_a_wait_is_rejected_with_the_cycle_in_the_message()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "a", "type": "SetVariable", "inputs": { "name": "n", "value": "1" } },
            { "id": "b", "type": "SetVariable", "inputs": { "name": "n", "value": "2" } }
            """,
            """{ "from": "start", "to": "a" }, { "from": "a", "to": "b" }, { "from": "b", "to": "a" }"""));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("a");
        error.Message.ShouldContain("Loop without a wait: a -> b -> a");
        error.Message.ShouldContain("Put a Wait for event or a Delay of at least 1m in the loop.");
    }

    [Fact]
    public void A_longer_busy_loop_behind_a_decision_lists_every_node_of_the_cycle_in_order()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "init", "type": "SetVariable", "inputs": { "name": "i", "value": "0" } },
            { "id": "check", "type": "Decision", "inputs": { "condition": "vars.i < 3" } },
            { "id": "inc", "type": "SetVariable", "inputs": { "name": "i", "value": "vars.i + 1" } },
            { "id": "log", "type": "Log", "inputs": { "message": "{{vars.i}}" } },
            { "id": "end", "type": "End" }
            """,
            """
            { "from": "start", "to": "init" }, { "from": "init", "to": "check" },
            { "from": "check", "outcome": "True", "to": "inc" }, { "from": "check", "outcome": "False", "to": "end" },
            { "from": "inc", "to": "log" }, { "from": "log", "to": "check" }
            """));

        errors.ShouldHaveSingleItem().Message.ShouldContain("check -> inc -> log -> check");
    }

    [Fact]
    public void A_node_looping_onto_itself_is_a_busy_loop()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "d", "type": "Decision", "inputs": { "condition": "vars.go" } }
            """,
            """{ "from": "start", "to": "d" }, { "from": "d", "outcome": "True", "to": "d" }"""));

        errors.ShouldHaveSingleItem().Message.ShouldContain("Loop without a wait: d -> d");
    }

    [Theory]
    [InlineData("""{ "id": "pause", "type": "Delay", "inputs": { "duration": "5m" } }""", "Done")]
    [InlineData("""{ "id": "pause", "type": "WaitForEvent", "inputs": { "event": "message.received", "timeout": "1h" } }""", "Received")]
    public void The_same_loop_through_a_node_that_waits_is_accepted(string waitNode, string waitOutcome)
    {
        var errors = Validate(Flow(
            $$"""
            { "id": "start", "type": "Start" },
            { "id": "a", "type": "SetVariable", "inputs": { "name": "n", "value": "1" } },
            { "id": "b", "type": "SetVariable", "inputs": { "name": "n", "value": "2" } },
            {{waitNode}}
            """,
            $$"""
            { "from": "start", "to": "a" }, { "from": "a", "to": "b" },
            { "from": "b", "to": "pause" }, { "from": "pause", "outcome": "{{waitOutcome}}", "to": "a" }
            """));

        errors.ShouldBeValid();
    }

    [Theory]
    [InlineData("Bad Id")]
    [InlineData("Ordering")]
    [InlineData("-leading-dash")]
    [InlineData("order.flow")]
    [InlineData("")]
    public void An_invalid_flow_id_is_reported_on_the_id_field(string id)
    {
        var errors = Validate(Flow("""{ "id": "start", "type": "Start" }""", id: id));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBeNull();
        error.Field.ShouldBe("id");
        error.Message.ShouldContain("lower-case letters, digits, '-' or '_'");
    }

    [Theory]
    [InlineData("ordering")]
    [InlineData("abandoned-cart")]
    [InlineData("flow_2")]
    [InlineData("9lives")]
    public void Valid_flow_ids_are_accepted(string id)
    {
        Validate(Flow("""{ "id": "start", "type": "Start" }""", id: id)).ShouldBeValid();
    }

    [Fact]
    public void A_flow_id_longer_than_100_characters_is_rejected()
    {
        Validate(Flow("""{ "id": "start", "type": "Start" }""", id: new string('a', 101))).ShouldHaveError(null, "id", "lower-case");
        Validate(Flow("""{ "id": "start", "type": "Start" }""", id: new string('a', 100))).ShouldBeValid();
    }

    [Fact]
    public void A_flow_without_a_name_is_reported()
    {
        Validate(Flow("""{ "id": "start", "type": "Start" }""", name: "  ")).ShouldHaveError(null, "name", "needs a name");
    }

    [Theory]
    [InlineData("bad-name")]
    [InlineData("1st")]
    [InlineData("with space")]
    [InlineData("")]
    public void A_declared_variable_with_an_invalid_name_is_reported(string name)
    {
        var errors = Validate(Flow("""{ "id": "start", "type": "Start" }""", extra: $$"""  "variables": [ { "name": "{{name}}" } ],"""));

        errors.ShouldHaveError(null, "variables", $"'{name}' is not a valid variable name");
    }

    [Fact]
    public void A_variable_declared_twice_is_reported()
    {
        var errors = Validate(Flow("""{ "id": "start", "type": "Start" }""",
            extra: """  "variables": [ { "name": "cart" }, { "name": "total", "type": "number" }, { "name": "cart", "type": "object" } ],"""));

        errors.ShouldHaveSingleItem().ShouldBe(new ValidationError(null, "variables", "The variable 'cart' is declared twice."));
    }

    [Fact]
    public void Several_independent_problems_are_all_reported_in_one_pass()
    {
        var errors = Validate(Flow(
            """
            { "id": "start", "type": "Start", "inputs": { "trigger": "event" } },
            { "id": "d", "type": "Decision", "inputs": { "condition": "foo.bar" } },
            { "id": "w", "type": "WaitForEvent", "inputs": { "event": "Order Created" } },
            { "id": "x", "type": "Teleport" }
            """,
            """{ "from": "start", "to": "d" }, { "from": "d", "outcome": "True", "to": "w" }, { "from": "w", "outcome": "Received", "to": "ghost" }""",
            id: "Bad Id"));

        errors.ShouldHaveError(null, "id", "lower-case");
        errors.ShouldHaveError("start", "event", "needs the name of the event");
        errors.ShouldHaveError("d", "condition", "'foo'");
        errors.ShouldHaveError("w", "event", "An event name is lower-case");
        errors.ShouldHaveError("x", null, "Unknown activity type 'Teleport'");
        errors.ShouldHaveError("w", "edges", "dangling edge");
    }

    [Theory]
    [InlineData(null, null, "Boom", "Boom")]
    [InlineData("n1", null, "Boom", "Node 'n1': Boom")]
    [InlineData(null, "id", "Boom", "id: Boom")]
    [InlineData("n1", "condition", "Boom", "Node 'n1', input 'condition': Boom")]
    public void ValidationError_text_points_at_node_and_input(string? nodeId, string? field, string message, string expected)
    {
        new ValidationError(nodeId, field, message).ToString().ShouldBe(expected);
    }
}
