using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Tests.Support;

namespace HaloAgent.Engine.Tests.Validation;

/// <summary>The flow document format (<see cref="FlowJson"/>).</summary>
public sealed class FlowJsonTests
{
    [Fact]
    public void Malformed_json_raises_FlowFormatException_with_the_line_number()
    {
        var json = "{\n  \"id\": \"x\",\n  \"name\": \"y\",\n  \"nodes\": [ { \"id\": \"a\" \"type\": \"Start\" } ]\n}";

        var ex = Should.Throw<FlowFormatException>(() => FlowJson.Deserialize(json));

        ex.Message.ShouldContain("not valid JSON for a flow");
        ex.Message.ShouldContain("(line 4, position");
        ex.InnerException.ShouldBeOfType<System.Text.Json.JsonException>();
    }

    [Fact]
    public void Truncated_json_raises_FlowFormatException_naming_a_line()
    {
        var ex = Should.Throw<FlowFormatException>(() => FlowJson.Deserialize("{\n  \"id\": \"x\",\n  \"name\": "));

        ex.Message.ShouldMatch(@"\(line \d+, position \d+\)");
    }

    [Fact]
    public void A_missing_required_member_raises_FlowFormatException()
    {
        var ex = Should.Throw<FlowFormatException>(() => FlowJson.Deserialize("""{ "name": "No id", "nodes": [] }"""));

        ex.Message.ShouldContain("id");
    }

    [Fact]
    public void A_node_without_a_type_raises_FlowFormatException()
    {
        Should.Throw<FlowFormatException>(() => FlowJson.Deserialize("""{ "id": "f", "name": "F", "nodes": [ { "id": "a" } ] }"""));
    }

    [Fact]
    public void A_member_of_the_wrong_type_raises_FlowFormatException()
    {
        Should.Throw<FlowFormatException>(() => FlowJson.Deserialize("""{ "id": "f", "name": "F", "nodes": 5 }"""));
    }

    [Fact]
    public void A_null_document_raises_FlowFormatException()
    {
        Should.Throw<FlowFormatException>(() => FlowJson.Deserialize("null")).Message.ShouldContain("empty");
    }

    [Fact]
    public void Comments_trailing_commas_and_unknown_members_are_tolerated()
    {
        var flow = FlowJson.Deserialize("""
            {
              // exported by the Studio
              "id": "f",
              "name": "F",
              "studioLayout": { "zoom": 1.5 },
              "nodes": [ { "id": "start", "type": "Start", }, ],
            }
            """);

        flow.Id.ShouldBe("f");
        flow.Nodes.ShouldHaveSingleItem().Type.ShouldBe("Start");
    }

    [Fact]
    public void Members_are_read_case_insensitively_and_defaults_apply()
    {
        var flow = FlowJson.Deserialize("""
            {
              "Id": "ordering",
              "NAME": "Ordering",
              "nodes": [
                { "id": "start", "type": "Start", "position": { "x": 10.5, "y": -3 } },
                { "id": "send", "type": "Log", "label": "Say hi", "inputs": { "message": "Hi {{vars.name}}", "level": "Warning" },
                  "retry": { "maxRetries": 2, "delay": "00:00:00.001" } }
              ],
              "edges": [ { "from": "start", "to": "send" } ]
            }
            """);

        flow.Id.ShouldBe("ordering");
        flow.Name.ShouldBe("Ordering");
        flow.Options.Singleton.ShouldBeFalse();
        flow.Variables.ShouldBeEmpty();
        flow.Version.ShouldBeNull();
        flow.Edges.ShouldHaveSingleItem().Outcome.ShouldBe(Outcomes.Done);
        flow.Nodes[0].Position.ShouldBe(new NodePosition(10.5, -3));
        flow.Nodes[0].Retry.ShouldBeNull();
        flow.Nodes[0].Inputs.ShouldBeEmpty();
        var send = flow.Nodes[1];
        send.Label.ShouldBe("Say hi");
        send.Inputs["message"]!.GetValue<string>().ShouldBe("Hi {{vars.name}}");
        send.Retry.ShouldNotBeNull();
        send.Retry.MaxRetries.ShouldBe(2);
        send.Retry.Delay.ShouldBe(TimeSpan.FromMilliseconds(1));
        send.Retry.Exponential.ShouldBeTrue();
    }

    [Fact]
    public void Serialize_then_Deserialize_keeps_the_flow()
    {
        var json = TestFlows.Flow(
            """
            { "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "order.created" }, "position": { "x": 1, "y": 2 } },
            { "id": "pay", "type": "WaitForEvent", "inputs": { "event": "payment.confirmed", "timeout": "30m" }, "retry": { "maxRetries": 1, "delay": "00:00:05", "exponential": false } },
            { "id": "ab", "type": "Split", "inputs": { "variants": [ { "name": "A", "weight": 0.1 }, { "name": "B", "weight": 1800000 } ] } }
            """,
            """{ "from": "start", "to": "pay" }, { "from": "pay", "outcome": "Received", "to": "ab" }""",
            extra: """ "options": { "singleton": true }, "variables": [ { "name": "total", "type": "number", "default": 1800000.50 } ], """);

        var first = FlowJson.Deserialize(json);
        var text = FlowJson.Serialize(first);
        var second = FlowJson.Deserialize(text);

        FlowJson.Serialize(second).ShouldBe(text);
        second.Options.Singleton.ShouldBeTrue();
        second.Variables.ShouldHaveSingleItem().Default!.ToJsonString().ShouldBe("1800000.50");
        second.Edges[1].Outcome.ShouldBe(Outcomes.Received);
        second.Nodes[1].Retry!.Exponential.ShouldBeFalse();
        second.Nodes[1].Retry!.Delay.ShouldBe(TimeSpan.FromSeconds(5));
        second.Nodes[2].Inputs["variants"]!.ToJsonString().ShouldBe("""[{"name":"A","weight":0.1},{"name":"B","weight":1800000}]""");
        text.ShouldContain("\"singleton\": true");
        text.ShouldNotContain("\"description\""); // nulls are left out
    }

    [Theory]
    [InlineData("""{ "id": "f", "name": "F", "nodes": [ { "id": "start", "type": "Start", "inputs": null } ] }""")]
    [InlineData("""{ "id": "f", "name": "F", "nodes": null }""")]
    [InlineData("""{ "id": "f", "name": "F", "nodes": [ { "id": "start", "type": "Start" } ], "edges": null }""")]
    [InlineData("""{ "id": "f", "name": "F", "nodes": [ null ] }""")]
    [InlineData("""{ "id": "f", "name": "F", "nodes": [ { "id": "start", "type": "Start" } ], "edges": [ null ] }""")]
    [InlineData("""{ "id": "f", "name": "F", "nodes": [ { "id": "start", "type": "Start" } ], "variables": [ null ] }""")]
    [InlineData("""{ "id": "f", "name": "F", "nodes": [ { "id": "start", "type": "Start" }, { "id": "e", "type": null } ] }""")]
    public void Explicit_nulls_are_a_format_error_or_read_as_empty_never_a_crash(string json)
    {
        // Originally FlowJson accepted null for non-nullable members and items, and FlowCompiler.Validate then
        // dereferenced them (NullReferenceException / ArgumentNullException). A null list may be read as empty.
        FlowDefinition definition;
        try
        {
            definition = FlowJson.Deserialize(json);
        }
        catch (FlowFormatException)
        {
            return; // rejected as a malformed document: fine
        }

        using var engine = new EngineHarness();
        Should.NotThrow(() => engine.Compiler.Validate(definition));
        definition.Nodes.ShouldNotBeNull();
        definition.Edges.ShouldNotBeNull();
        definition.Variables.ShouldNotBeNull();
        definition.Nodes.ShouldAllBe(n => n != null && n.Inputs != null && n.Type != null);
    }
}
