using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Execution;

/// <summary>Decision, Switch and Split routing during <see cref="FlowExecutor.RunAsync"/>.</summary>
public sealed class BranchingExecutionTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private static IEnumerable<string> Path(RunResult result) => result.Journal.Select(e => e.NodeId);

    // ---- Decision ----

    private const string DecisionFlow = """
        {
          "id": "big-order",
          "name": "Big order",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "big", "type": "Decision", "inputs": { "condition": "vars.total > 1000 and vars.currency == \"NGN\"" } },
            { "id": "thanks", "type": "Log", "inputs": { "message": "Thank you for your big order" } },
            { "id": "upsell", "type": "Log", "inputs": { "message": "Add something?" } }
          ],
          "edges": [
            { "from": "start", "to": "big" },
            { "from": "big", "outcome": "True", "to": "thanks" },
            { "from": "big", "outcome": "False", "to": "upsell" }
          ]
        }
        """;

    [Theory]
    [InlineData(1500, "NGN", "True", "thanks")]
    [InlineData(1000, "NGN", "False", "upsell")]
    [InlineData(5000, "USD", "False", "upsell")]
    public async Task Decision_routes_by_its_condition_over_vars(decimal total, string currency, string outcome, string next)
    {
        var flow = _engine.Compile(DecisionFlow);
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["total"] = total, ["currency"] = currency });

        var result = await _engine.RunAsync(flow, state);

        Path(result).ShouldBe(["start", "big", next]);
        result.Journal[1].Outcome.ShouldBe(outcome);
        result.Journal[1].Inputs!["condition"].ShouldBe(outcome == "True");
        state.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Decision_on_a_missing_variable_takes_False()
    {
        var flow = _engine.Compile(DecisionFlow);
        var state = EngineHarness.NewInstance(flow);

        var result = await _engine.RunAsync(flow, state);

        Path(result).ShouldBe(["start", "big", "upsell"]);
    }

    [Theory]
    [InlineData(true, "True")]
    [InlineData(false, "False")]
    public async Task Decision_with_a_literal_boolean_condition(bool condition, string outcome)
    {
        var flow = _engine.Compile(StartThen($$"""{ "id": "n", "type": "Decision", "inputs": { "condition": {{(condition ? "true" : "false")}} } }"""));

        var result = await _engine.RunAsync(flow, EngineHarness.NewInstance(flow));

        result.Journal[^1].Outcome.ShouldBe(outcome);
    }

    // ---- Switch ----

    private const string SwitchFlow = """
        {
          "id": "grading",
          "name": "Grading",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "grade", "type": "Switch", "inputs": { "cases": [
              { "name": "high", "condition": "vars.score >= 80" },
              { "name": "mid", "condition": "vars.score >= 50" },
              { "name": "low", "condition": "vars.score >= 0" }
            ] } },
            { "id": "h", "type": "Log", "inputs": { "message": "high" } },
            { "id": "m", "type": "Log", "inputs": { "message": "mid" } },
            { "id": "l", "type": "Log", "inputs": { "message": "low" } },
            { "id": "other", "type": "Log", "inputs": { "message": "other" } }
          ],
          "edges": [
            { "from": "start", "to": "grade" },
            { "from": "grade", "outcome": "high", "to": "h" },
            { "from": "grade", "outcome": "mid", "to": "m" },
            { "from": "grade", "outcome": "low", "to": "l" },
            { "from": "grade", "outcome": "Default", "to": "other" }
          ]
        }
        """;

    [Theory]
    [InlineData(95, "high", "h")]
    [InlineData(80, "high", "h")]
    [InlineData(60, "mid", "m")]
    [InlineData(10, "low", "l")]
    [InlineData(-5, "Default", "other")]
    public async Task Switch_takes_the_first_matching_case_or_Default(decimal score, string outcome, string next)
    {
        var flow = _engine.Compile(SwitchFlow);
        var state = EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["score"] = score });

        var result = await _engine.RunAsync(flow, state);

        result.Journal[1].Outcome.ShouldBe(outcome);
        Path(result).ShouldBe(["start", "grade", next]);
    }

    [Fact]
    public async Task Switch_takes_Default_when_no_case_can_hold()
    {
        var flow = _engine.Compile(SwitchFlow);

        // Comparing a string with a number is false in the language (never an error), so no case matches.
        var result = await _engine.RunAsync(flow, EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?> { ["score"] = "n/a" }));

        result.State.Status.ShouldBe(InstanceStatus.Completed);
        result.Journal[1].Outcome.ShouldBe("Default");
        Path(result).ShouldBe(["start", "grade", "other"]);
    }

    // ---- Split ----

    private const string SplitFlow = """
        {
          "id": "promo",
          "name": "Promo A/B",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "ab", "type": "Split", "inputs": { "variants": [ { "name": "control", "weight": 80 }, { "name": "discount", "weight": 20 } ] } },
            { "id": "c", "type": "Record", "inputs": { "text": "control: {{nodes.ab.variant}}" } },
            { "id": "d", "type": "Record", "inputs": { "text": "discount: {{nodes.ab.variant}}" } }
          ],
          "edges": [
            { "from": "start", "to": "ab" },
            { "from": "ab", "outcome": "control", "to": "c" },
            { "from": "ab", "outcome": "discount", "to": "d" }
          ]
        }
        """;

    private static readonly WeightedVariant[] SplitVariants = [new("control", 80m), new("discount", 20m)];

    [Theory]
    [InlineData("+2348010000001")]
    [InlineData("+2348010000002")]
    [InlineData("+2348010000003")]
    [InlineData("+2348010000004")]
    public async Task Split_takes_the_variant_the_hashing_assigner_picks_for_the_correlation_key(string contact)
    {
        var flow = _engine.Compile(SplitFlow);
        var expected = HashingVariantAssigner.Pick(new VariantAssignmentRequest("promo", "ab", contact, "inst-1", SplitVariants));

        var result = await _engine.RunAsync(flow, EngineHarness.NewInstance(flow, correlationKey: contact));

        result.Journal[1].Outcome.ShouldBe(expected);
        result.Journal[1].Output.ShouldBeOfType<Dictionary<string, object?>>()["variant"].ShouldBe(expected);
        Path(result).ShouldBe(["start", "ab", expected == "control" ? "c" : "d"]);
        result.Journal[2].Inputs!["text"].ShouldBe($"{expected}: {expected}");
    }

    [Fact]
    public async Task Split_is_sticky_the_same_correlation_key_always_gets_the_same_variant()
    {
        var flow = _engine.Compile(SplitFlow);
        var outcomes = new List<string?>();

        for (var i = 0; i < 20; i++)
        {
            var result = await _engine.RunAsync(flow, EngineHarness.NewInstance(flow, id: $"inst-{i}", correlationKey: "+2348031234567"));
            outcomes.Add(result.Journal[1].Outcome);
        }

        outcomes.Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Without_a_correlation_key_Split_assigns_by_instance_id()
    {
        var flow = _engine.Compile(SplitFlow);

        for (var i = 0; i < 10; i++)
        {
            var id = $"anon-{i}";
            var expected = HashingVariantAssigner.Pick(new VariantAssignmentRequest("promo", "ab", id, id, SplitVariants));
            var result = await _engine.RunAsync(flow, EngineHarness.NewInstance(flow, id: id));
            result.Journal[1].Outcome.ShouldBe(expected);
        }
    }

    [Fact]
    public async Task Split_spreads_many_contacts_roughly_by_weight()
    {
        var flow = _engine.Compile(SplitFlow);
        var control = 0;

        for (var i = 0; i < 1000; i++)
        {
            var result = await _engine.RunAsync(flow, EngineHarness.NewInstance(flow, id: $"inst-{i}", correlationKey: $"+234801{i:D7}"));
            if (result.Journal[1].Outcome == "control")
            {
                control++;
            }
        }

        control.ShouldBeInRange(700, 900);
    }

    [Fact]
    public async Task Split_uses_the_registered_variant_assigner()
    {
        using var engine = new EngineHarness(services => services.AddSingleton<IVariantAssigner>(new FixedAssigner("discount")));
        var flow = engine.Compile(SplitFlow);

        var result = await engine.RunAsync(flow, EngineHarness.NewInstance(flow, correlationKey: "+2348031234567"));

        result.Journal[1].Outcome.ShouldBe("discount");
        var assigner = engine.Services.GetRequiredService<IVariantAssigner>().ShouldBeOfType<FixedAssigner>();
        var request = assigner.Requests.ShouldHaveSingleItem();
        request.FlowId.ShouldBe("promo");
        request.NodeId.ShouldBe("ab");
        request.Subject.ShouldBe("+2348031234567");
        request.InstanceId.ShouldBe("inst-1");
        request.Variants.ShouldBe(SplitVariants);
    }

    private sealed class FixedAssigner(string variant) : IVariantAssigner
    {
        public List<VariantAssignmentRequest> Requests { get; } = [];

        public ValueTask<string> AssignAsync(VariantAssignmentRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return ValueTask.FromResult(variant);
        }
    }
}
