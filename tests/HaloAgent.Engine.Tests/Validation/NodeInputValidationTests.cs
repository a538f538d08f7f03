using HaloAgent.Engine.Tests.Support;
using HaloAgent.Engine.Validation;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Validation;

/// <summary>Input-level checks of <see cref="FlowCompiler.Validate"/>: every error names the node and the input.</summary>
public sealed class NodeInputValidationTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private IReadOnlyList<ValidationError> ValidateNode(string nodeJson) => _engine.Validate(StartThen(nodeJson));

    // ---- required and unknown inputs ----

    [Fact]
    public void Decision_without_condition_is_missing_a_required_input()
    {
        var error = ValidateNode("""{ "id": "n", "type": "Decision" }""").ShouldHaveSingleItem();

        error.ShouldBe(new ValidationError("n", "condition", "'Condition' is required."));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("null")]
    public void A_blank_or_null_required_input_counts_as_missing(string value)
    {
        ValidateNode($$"""{ "id": "n", "type": "Decision", "inputs": { "condition": {{value}} } }""")
            .ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "condition", "'Condition' is required."));
    }

    [Fact]
    public void WaitForEvent_without_event_is_missing_a_required_input()
    {
        var errors = ValidateNode("""{ "id": "n", "type": "WaitForEvent", "inputs": { "timeout": "30m" } }""");

        errors.ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "event", "'Event' is required."));
    }

    [Fact]
    public void SetVariable_needs_both_name_and_value()
    {
        var errors = ValidateNode("""{ "id": "n", "type": "SetVariable" }""");

        errors.Count.ShouldBe(2, ValidationAssertions.Describe(errors));
        errors.ShouldHaveError("n", "name", "'Variable' is required.");
        errors.ShouldHaveError("n", "value", "'Value' is required.");
    }

    [Fact]
    public void Log_without_message_is_missing_a_required_input()
    {
        ValidateNode("""{ "id": "n", "type": "Log" }""").ShouldHaveError("n", "message", "'Message' is required.");
    }

    [Fact]
    public void An_unknown_input_name_is_reported_with_the_activity_type()
    {
        var error = ValidateNode("""{ "id": "n", "type": "Log", "inputs": { "message": "hi", "colour": "red" } }""").ShouldHaveSingleItem();

        error.NodeId.ShouldBe("n");
        error.Field.ShouldBe("colour");
        error.Message.ShouldBe("'Log' has no input named 'colour'.");
    }

    [Fact]
    public void Input_names_are_case_sensitive()
    {
        var errors = ValidateNode("""{ "id": "n", "type": "Decision", "inputs": { "Condition": "true" } }""");

        errors.ShouldHaveError("n", "Condition", "'Decision' has no input named 'Condition'.");
        errors.ShouldHaveError("n", "condition", "'Condition' is required.");
    }

    // ---- expressions ----

    [Fact]
    public void An_expression_syntax_error_is_reported_on_its_input()
    {
        var error = ValidateNode("""{ "id": "n", "type": "Decision", "inputs": { "condition": "vars.total >" } }""").ShouldHaveSingleItem();

        error.NodeId.ShouldBe("n");
        error.Field.ShouldBe("condition");
        error.Message.ShouldStartWith("Expression error:");
    }

    [Fact]
    public void An_unknown_function_is_an_expression_error()
    {
        var error = ValidateNode("""{ "id": "n", "type": "SetVariable", "inputs": { "name": "x", "value": "frobnicate(vars.total)" } }""").ShouldHaveSingleItem();

        error.NodeId.ShouldBe("n");
        error.Field.ShouldBe("value");
        error.Message.ShouldStartWith("Expression error:");
        error.Message.ShouldContain("Unknown function 'frobnicate'");
    }

    [Theory]
    [InlineData("foo.bar", "'foo'")]
    [InlineData("variables.total > 3", "'variables'")]
    [InlineData("foo.a == bar.b", "'foo', 'bar'")]
    public void An_unknown_root_name_is_reported_with_the_allowed_roots(string condition, string named)
    {
        var error = ValidateNode($$"""{ "id": "n", "type": "Decision", "inputs": { "condition": "{{condition}}" } }""").ShouldHaveSingleItem();

        error.NodeId.ShouldBe("n");
        error.Field.ShouldBe("condition");
        error.Message.ShouldContain($"Unknown name(s) {named}");
        error.Message.ShouldContain("vars, event, instance and nodes");
    }

    [Theory]
    [InlineData("vars.total > 10")]
    [InlineData("event.type == \\\"message\\\"")]
    [InlineData("instance.correlationKey != null")]
    [InlineData("nodes.start == null")]
    [InlineData("true")]
    [InlineData("len(vars.items) > 0 and upper(event.text) == \\\"PAY\\\"")]
    public void Expressions_over_the_allowed_roots_are_accepted(string condition)
    {
        ValidateNode($$"""{ "id": "n", "type": "Decision", "inputs": { "condition": "{{condition}}" } }""").ShouldBeValid();
    }

    [Fact]
    public void A_literal_boolean_condition_is_accepted_and_a_number_is_not()
    {
        ValidateNode("""{ "id": "n", "type": "Decision", "inputs": { "condition": true } }""").ShouldBeValid();
        ValidateNode("""{ "id": "n", "type": "Decision", "inputs": { "condition": 1 } }""")
            .ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "condition", "Expected a condition."));
    }

    [Fact]
    public void The_same_bad_expression_on_two_nodes_is_reported_for_each_node()
    {
        var errors = _engine.Validate(Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "a", "type": "Decision", "inputs": { "condition": "foo.bar" } },
            { "id": "b", "type": "Decision", "inputs": { "condition": "foo.bar" } }
            """,
            """{ "from": "start", "to": "a" }, { "from": "a", "outcome": "True", "to": "b" }"""));

        errors.ShouldHaveError("a", "condition", "'foo'");
        errors.ShouldHaveError("b", "condition", "'foo'");
    }

    // ---- templates ----

    [Theory]
    [InlineData("{{#if vars.x}}unclosed")]
    [InlineData("{{#each vars.items}}{{/if}}")]
    public void A_bad_Handlebars_template_is_reported_on_its_input(string template)
    {
        var error = ValidateNode($$"""{ "id": "n", "type": "Log", "inputs": { "message": "{{template}}" } }""").ShouldHaveSingleItem();

        error.NodeId.ShouldBe("n");
        error.Field.ShouldBe("message");
        error.Message.ShouldStartWith("Template error:");
    }

    [Theory]
    [InlineData("Hello {{vars.name}}!")]
    [InlineData("{{#if vars.vip}}VIP{{else}}Regular{{/if}} customer")]
    [InlineData("Plain text with a { brace }")]
    public void Good_templates_are_accepted(string template)
    {
        ValidateNode($$"""{ "id": "n", "type": "Log", "inputs": { "message": "{{template}}" } }""").ShouldBeValid();
    }

    // ---- durations, dates ----

    [Theory]
    [InlineData("\"soon\"")]
    [InlineData("\"5\"")]
    [InlineData("\"-5m\"")]
    [InlineData("\"2 hours\"")]
    [InlineData("30")]
    public void A_bad_duration_is_reported_on_its_input(string duration)
    {
        var error = ValidateNode($$"""{ "id": "n", "type": "Delay", "inputs": { "duration": {{duration}} } }""").ShouldHaveSingleItem();

        error.NodeId.ShouldBe("n");
        error.Field.ShouldBe("duration");
        error.Message.ShouldContain($"'{duration}' is not a duration");
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("15m")]
    [InlineData("1d 2h")]
    [InlineData("PT30M")]
    [InlineData("01:30:00")]
    [InlineData("{{vars.wait}}")]
    public void Good_durations_and_duration_templates_are_accepted(string duration)
    {
        ValidateNode($$"""{ "id": "n", "type": "Delay", "inputs": { "duration": "{{duration}}" } }""").ShouldBeValid();
    }

    [Fact]
    public void A_duration_template_with_a_syntax_error_is_reported()
    {
        ValidateNode("""{ "id": "n", "type": "Delay", "inputs": { "duration": "{{#if vars.x}}1h" } }""")
            .ShouldHaveError("n", "duration", "Template error:");
    }

    [Fact]
    public void A_duration_too_large_for_a_TimeSpan_is_a_validation_error_not_a_crash()
    {
        // Regression: DurationParser.TryParse used to throw OverflowException on "99999999999d",
        // so Validate threw instead of reporting the bad input.
        var errors = ValidateNode("""{ "id": "n", "type": "Delay", "inputs": { "duration": "99999999999d" } }""");

        errors.ShouldHaveError("n", "duration", "is not a duration");
    }

    [Fact]
    public void Delay_needs_a_duration_or_a_date()
    {
        var error = ValidateNode("""{ "id": "n", "type": "Delay" }""").ShouldHaveSingleItem();

        error.ShouldBe(new ValidationError("n", "duration", "Give a duration or a date and time to wait until."));
    }

    [Fact]
    public void Delay_until_a_date_template_is_accepted()
    {
        ValidateNode("""{ "id": "n", "type": "Delay", "inputs": { "until": "{{vars.deliveryDate}}" } }""").ShouldBeValid();
    }

    [Fact]
    public void Delay_until_that_is_not_text_is_reported()
    {
        ValidateNode("""{ "id": "n", "type": "Delay", "inputs": { "until": 20261122 } }""")
            .ShouldHaveError("n", "until", "Expected a date and time (text).");
    }

    [Fact]
    public void WaitForEvent_timeout_is_checked_as_a_duration()
    {
        ValidateNode("""{ "id": "n", "type": "WaitForEvent", "inputs": { "event": "payment.confirmed", "timeout": "later" } }""")
            .ShouldHaveError("n", "timeout", "is not a duration");
    }

    // ---- names ----

    [Theory]
    [InlineData("Order Created")]
    [InlineData("Order.created")]
    [InlineData("order..created")]
    [InlineData("order.")]
    [InlineData(".order")]
    [InlineData("order created")]
    public void A_bad_event_name_is_reported_on_its_input(string eventName)
    {
        var error = ValidateNode($$"""{ "id": "n", "type": "WaitForEvent", "inputs": { "event": "{{eventName}}" } }""").ShouldHaveSingleItem();

        error.NodeId.ShouldBe("n");
        error.Field.ShouldBe("event");
        error.Message.ShouldContain("An event name is lower-case words joined by '.', '-' or '_'");
    }

    [Theory]
    [InlineData("message.received")]
    [InlineData("payment-confirmed")]
    [InlineData("cart_abandoned")]
    [InlineData("order.v2.created")]
    public void Good_event_names_are_accepted(string eventName)
    {
        ValidateNode($$"""{ "id": "n", "type": "WaitForEvent", "inputs": { "event": "{{eventName}}" } }""").ShouldBeValid();
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("my var")]
    [InlineData("cart.total")]
    [InlineData("total-amount")]
    public void A_bad_variable_name_is_reported_on_its_input(string name)
    {
        var error = ValidateNode($$"""{ "id": "n", "type": "SetVariable", "inputs": { "name": "{{name}}", "value": "1" } }""").ShouldHaveSingleItem();

        error.NodeId.ShouldBe("n");
        error.Field.ShouldBe("name");
        error.Message.ShouldContain("A variable name is letters, digits and '_'");
    }

    [Fact]
    public void A_bad_variable_name_for_the_event_payload_is_reported()
    {
        ValidateNode("""{ "id": "n", "type": "WaitForEvent", "inputs": { "event": "message.received", "variable": "the reply" } }""")
            .ShouldHaveError("n", "variable", "A variable name");
    }

    // ---- select ----

    [Fact]
    public void A_select_value_not_in_the_options_lists_the_options()
    {
        var error = ValidateNode("""{ "id": "n", "type": "Log", "inputs": { "message": "hi", "level": "Debug" } }""").ShouldHaveSingleItem();

        error.ShouldBe(new ValidationError("n", "level", "Expected one of: Information, Warning, Error."));
    }

    [Fact]
    public void A_non_text_select_value_is_rejected()
    {
        ValidateNode("""{ "id": "n", "type": "Log", "inputs": { "message": "hi", "level": 2 } }""")
            .ShouldHaveError("n", "level", "Expected one of:");
    }

    [Fact]
    public void An_unknown_Start_trigger_is_rejected()
    {
        var errors = _engine.Validate(Flow("""{ "id": "start", "type": "Start", "inputs": { "trigger": "webhook" } }"""));

        errors.ShouldHaveError("start", "trigger", "Expected one of: manual, event, schedule.");
    }

    [Theory]
    [InlineData("5")]
    [InlineData("true")]
    [InlineData("{ \"kind\": \"event\" }")]
    public void A_Start_trigger_that_is_not_text_is_a_validation_error_not_a_crash(string trigger)
    {
        // Regression: StartActivity.Validate called GetValue<string>() on the raw trigger, which throws for non-string JSON.
        var errors = _engine.Validate(Flow($$"""{ "id": "start", "type": "Start", "inputs": { "trigger": {{trigger}} } }"""));

        errors.ShouldHaveError("start", "trigger", "Expected one of: manual, event, schedule.");
    }

    // ---- Start triggers ----

    [Fact]
    public void An_event_trigger_without_an_event_name_is_rejected()
    {
        var errors = _engine.Validate(Flow("""{ "id": "start", "type": "Start", "inputs": { "trigger": "event" } }"""));

        errors.ShouldHaveSingleItem().ShouldBe(new ValidationError("start", "event", "An event trigger needs the name of the event."));
    }

    [Fact]
    public void An_event_trigger_with_an_event_and_a_condition_is_accepted()
    {
        _engine.Validate(Flow("""{ "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "order.created", "condition": "event.total > 5000" } }"""))
            .ShouldBeValid();
    }

    [Fact]
    public void An_event_trigger_with_a_bad_event_name_is_rejected()
    {
        _engine.Validate(Flow("""{ "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "Order Created" } }"""))
            .ShouldHaveError("start", "event", "An event name is lower-case");
    }

    [Theory]
    [InlineData("every monday")]
    [InlineData("0 0 25 ? * MON")]
    [InlineData("0 0 9 ? * FUNDAY")]
    [InlineData("0 0")]
    public void A_schedule_trigger_with_an_invalid_cron_is_rejected(string cron)
    {
        var errors = _engine.Validate(Flow($$"""{ "id": "start", "type": "Start", "inputs": { "trigger": "schedule", "cron": "{{cron}}" } }"""));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("start");
        error.Field.ShouldBe("cron");
        error.Message.ShouldContain($"'{cron}' is not a valid cron expression");
    }

    [Theory]
    [InlineData("0 0 9 ? * MON")]
    [InlineData("0 */15 * * * ?")]
    [InlineData("0 30 18 L * ?")]
    public void A_schedule_trigger_with_a_valid_cron_is_accepted(string cron)
    {
        _engine.Validate(Flow($$"""{ "id": "start", "type": "Start", "inputs": { "trigger": "schedule", "cron": "{{cron}}" } }""")).ShouldBeValid();
    }

    [Fact]
    public void A_schedule_trigger_without_cron_is_rejected()
    {
        _engine.Validate(Flow("""{ "id": "start", "type": "Start", "inputs": { "trigger": "schedule" } }"""))
            .ShouldHaveSingleItem().ShouldBe(new ValidationError("start", "cron", "A schedule trigger needs a cron expression."));
    }

    [Fact]
    public void A_Start_condition_is_checked_as_an_expression()
    {
        _engine.Validate(Flow("""{ "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "order.created", "condition": "order.total > 5" } }"""))
            .ShouldHaveError("start", "condition", "Unknown name(s) 'order'");
    }

    // ---- Switch ----

    [Fact]
    public void Switch_cases_with_duplicate_names_are_rejected()
    {
        var errors = ValidateNode("""
            { "id": "n", "type": "Switch", "inputs": { "cases": [
              { "name": "vip", "condition": "vars.total > 100" },
              { "name": "vip", "condition": "vars.total > 50" }
            ] } }
            """);

        errors.ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "cases[1].name", "The name 'vip' is used twice (or is reserved)."));
    }

    [Fact]
    public void A_Switch_case_cannot_be_called_Default()
    {
        ValidateNode("""{ "id": "n", "type": "Switch", "inputs": { "cases": [ { "name": "Default", "condition": "true" } ] } }""")
            .ShouldHaveError("n", "cases[0].name", "'Default'", "reserved");
    }

    [Fact]
    public void A_Switch_case_without_condition_is_rejected()
    {
        var errors = ValidateNode("""
            { "id": "n", "type": "Switch", "inputs": { "cases": [
              { "name": "ok", "condition": "true" },
              { "name": "missing" }
            ] } }
            """);

        errors.ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "cases[1].condition", "The condition is required."));
    }

    [Fact]
    public void A_Switch_case_without_name_is_rejected()
    {
        ValidateNode("""{ "id": "n", "type": "Switch", "inputs": { "cases": [ { "condition": "true" } ] } }""")
            .ShouldHaveError("n", "cases[0].name", "The name is required.");
    }

    [Theory]
    [InlineData("vars.total >>> 3", "Expression error:")]
    [InlineData("nope(vars.total)", "Unknown function 'nope'")]
    [InlineData("order.total > 3", "Unknown name(s) 'order'")]
    public void A_bad_Switch_case_condition_is_reported_on_that_case(string condition, string fragment)
    {
        var errors = ValidateNode($$"""
            { "id": "n", "type": "Switch", "inputs": { "cases": [
              { "name": "ok", "condition": "true" },
              { "name": "bad", "condition": "{{condition}}" }
            ] } }
            """);

        errors.ShouldHaveSingleItem().Field.ShouldBe("cases[1].condition");
        errors.ShouldHaveError("n", "cases[1].condition", fragment);
    }

    [Fact]
    public void Switch_with_no_cases_is_rejected()
    {
        ValidateNode("""{ "id": "n", "type": "Switch", "inputs": { "cases": [] } }""")
            .ShouldHaveError("n", "cases", "Add at least one item to 'cases'.");
        ValidateNode("""{ "id": "n", "type": "Switch" }""")
            .ShouldHaveError("n", "cases", "'Cases' is required.");
    }

    [Fact]
    public void A_Switch_case_that_is_not_an_object_is_rejected()
    {
        // Regression: FlowCompiler.ValidateInput (InputKind.Cases) read item?["condition"] on every item, which throws on a string item.
        ValidateNode("""{ "id": "n", "type": "Switch", "inputs": { "cases": [ "vip" ] } }""")
            .ShouldHaveError("n", "cases[0]", "must be an object");
    }

    [Fact]
    public void Edges_may_use_Switch_case_names_and_Default_but_nothing_else()
    {
        var nodes = """
            { "id": "start", "type": "Start" },
            { "id": "sw", "type": "Switch", "inputs": { "cases": [ { "name": "vip", "condition": "vars.vip" } ] } },
            { "id": "a", "type": "End" },
            { "id": "b", "type": "End" }
            """;

        _engine.Validate(Flow(nodes, """
            { "from": "start", "to": "sw" },
            { "from": "sw", "outcome": "vip", "to": "a" }, { "from": "sw", "outcome": "Default", "to": "b" }
            """)).ShouldBeValid();
        _engine.Validate(Flow(nodes, """
            { "from": "start", "to": "sw" },
            { "from": "sw", "outcome": "gold", "to": "a" }, { "from": "sw", "outcome": "Default", "to": "b" }
            """)).ShouldHaveError("sw", "edges", "'gold' is not an outcome of Switch", "vip, Default");
    }

    // ---- Split ----

    [Fact]
    public void A_Split_with_one_variant_is_rejected()
    {
        var errors = ValidateNode("""{ "id": "n", "type": "Split", "inputs": { "variants": [ { "name": "A", "weight": 100 } ] } }""");

        errors.ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "variants", "A split needs at least two variants."));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-10")]
    [InlineData("\"heavy\"")]
    public void A_Split_variant_weight_must_be_above_zero(string weight)
    {
        var errors = ValidateNode($$"""
            { "id": "n", "type": "Split", "inputs": { "variants": [ { "name": "A", "weight": 50 }, { "name": "B", "weight": {{weight}} } ] } }
            """);

        errors.ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "variants[1].weight", "The weight must be a number above 0."));
    }

    [Fact]
    public void A_Split_variant_without_weight_is_rejected()
    {
        ValidateNode("""{ "id": "n", "type": "Split", "inputs": { "variants": [ { "name": "A" }, { "name": "B", "weight": 1 } ] } }""")
            .ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "variants[0].weight", "The weight is required."));
    }

    [Fact]
    public void Split_variants_with_duplicate_names_are_rejected()
    {
        var errors = ValidateNode("""
            { "id": "n", "type": "Split", "inputs": { "variants": [ { "name": "A", "weight": 50 }, { "name": "A", "weight": 50 } ] } }
            """);

        errors.ShouldHaveError("n", "variants[1].name", "The name 'A' is used twice");
    }

    [Fact]
    public void Split_weights_may_be_fractional_and_edges_use_the_variant_names()
    {
        var json = Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "ab", "type": "Split", "inputs": { "variants": [ { "name": "control", "weight": 0.5 }, { "name": "discount", "weight": "1.5" } ] } },
            { "id": "a", "type": "End" }, { "id": "b", "type": "End" }
            """,
            """{ "from": "start", "to": "ab" }, { "from": "ab", "outcome": "control", "to": "a" }, { "from": "ab", "outcome": "discount", "to": "b" }""");

        _engine.Validate(json).ShouldBeValid();
    }

    [Fact]
    public void A_Split_has_no_Default_outcome()
    {
        var json = Flow(
            """
            { "id": "start", "type": "Start" },
            { "id": "ab", "type": "Split", "inputs": { "variants": [ { "name": "A", "weight": 1 }, { "name": "B", "weight": 1 } ] } },
            { "id": "a", "type": "End" }
            """,
            """{ "from": "start", "to": "ab" }, { "from": "ab", "outcome": "Default", "to": "a" }""");

        _engine.Validate(json).ShouldHaveError("ab", "edges", "'Default' is not an outcome of Split", "A, B");
    }

    // ---- other input kinds (through a test activity) ----

    [Fact]
    public void Number_boolean_and_json_inputs_are_type_checked()
    {
        ValidateNode("""{ "id": "n", "type": "Probe", "inputs": { "amount": 1500.25, "enabled": false, "payload": { "any": ["thing"] } } }""").ShouldBeValid();
        ValidateNode("""{ "id": "n", "type": "Probe", "inputs": { "amount": "12.5" } }""").ShouldBeValid();

        ValidateNode("""{ "id": "n", "type": "Probe", "inputs": { "amount": "a lot" } }""")
            .ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "amount", "Expected a number."));
        ValidateNode("""{ "id": "n", "type": "Probe", "inputs": { "enabled": "yes" } }""")
            .ShouldHaveSingleItem().ShouldBe(new ValidationError("n", "enabled", "Expected true or false."));
    }
}
