using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Activities;

/// <summary>The catalogue and the core activities' own behaviour (descriptors, outcomes, logging).</summary>
public sealed class CoreActivityTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private ActivityRegistry Registry => _engine.Services.GetRequiredService<ActivityRegistry>();

    [Fact]
    public void AddHaloEngineCore_registers_the_core_activities_once()
    {
        var services = new ServiceCollection().AddLogging().AddHaloEngineCore().AddHaloEngineCore().AddActivity<LogActivity>();
        using var provider = services.BuildServiceProvider();

        var types = provider.GetRequiredService<ActivityRegistry>().Descriptors.Select(d => d.Type).ToList();

        types.ShouldBe(["Decision", "End", "Split", "Start", "Switch", "Log", "SetVariable", "Delay", "WaitForEvent"], ignoreOrder: true);
        types.Count.ShouldBe(types.Distinct().Count());
    }

    [Fact]
    public void Descriptors_are_ordered_by_category_then_display_name()
    {
        var descriptors = Registry.Descriptors;

        descriptors.Select(d => (d.Category, d.DisplayName)).ShouldBe(
            descriptors.Select(d => (d.Category, d.DisplayName)).OrderBy(x => x.Category).ThenBy(x => x.DisplayName));
    }

    [Fact]
    public void The_registry_refuses_two_activities_with_the_same_type()
    {
        var ex = Should.Throw<InvalidOperationException>(() => new ActivityRegistry([new EndActivity(), new EndActivity()]));

        ex.Message.ShouldContain("'End' is registered twice");
    }

    [Fact]
    public void The_registry_finds_by_exact_type_name()
    {
        Registry.TryGet("Decision", out var decision).ShouldBeTrue();
        decision.ShouldBeOfType<DecisionActivity>();
        Registry.TryGet("decision", out _).ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => Registry.Get("Teleport")).Message.ShouldContain("'Teleport'");
    }

    [Fact]
    public void Only_Start_is_an_entry_point_only_Delay_and_WaitForEvent_may_suspend_only_End_is_terminal()
    {
        var descriptors = Registry.Descriptors.Where(d => d.Category != "Test").ToList();

        descriptors.Where(d => d.IsStart).Select(d => d.Type).ShouldBe(["Start"]);
        descriptors.Where(d => d.MaySuspend).Select(d => d.Type).ShouldBe(["Delay", "WaitForEvent"], ignoreOrder: true);
        descriptors.Where(d => d.IsTerminal).Select(d => d.Type).ShouldBe(["End"]);
    }

    [Theory]
    [InlineData("Start", new[] { "Done" })]
    [InlineData("Decision", new[] { "True", "False" })]
    [InlineData("Delay", new[] { "Done" })]
    [InlineData("WaitForEvent", new[] { "Received", "TimedOut" })]
    [InlineData("SetVariable", new[] { "Done" })]
    [InlineData("Log", new[] { "Done" })]
    [InlineData("End", new string[0])]
    public void Static_outcomes(string type, string[] outcomes)
    {
        var node = new FlowNode { Id = "n", Type = type };

        Registry.Get(type).GetOutcomes(node).ShouldBe(outcomes);
    }

    [Fact]
    public void Switch_outcomes_are_its_case_names_then_Default()
    {
        var node = FlowJson.Deserialize(StartThen(
            """{ "id": "n", "type": "Switch", "inputs": { "cases": [ { "name": "vip", "condition": "true" }, { "name": "new", "condition": "false" } ] } }"""))
            .Nodes[1];

        Registry.Get("Switch").GetOutcomes(node).ShouldBe(["vip", "new", "Default"]);
        Registry.Get("Switch").Descriptor.DynamicOutcomes.ShouldBeTrue();
    }

    [Fact]
    public void Split_outcomes_are_its_variant_names()
    {
        var node = FlowJson.Deserialize(StartThen(
            """{ "id": "n", "type": "Split", "inputs": { "variants": [ { "name": "A", "weight": 1 }, { "name": "B", "weight": 3 } ] } }"""))
            .Nodes[1];

        Registry.Get("Split").GetOutcomes(node).ShouldBe(["A", "B"]);
    }

    [Fact]
    public void A_node_without_cases_or_variants_has_no_dynamic_outcomes_besides_Default()
    {
        Registry.Get("Switch").GetOutcomes(new FlowNode { Id = "n", Type = "Switch" }).ShouldBe(["Default"]);
        Registry.Get("Split").GetOutcomes(new FlowNode { Id = "n", Type = "Split" }).ShouldBeEmpty();
    }

    [Fact]
    public async Task Resuming_an_activity_that_does_not_suspend_is_an_error()
    {
        var flow = _engine.Compile(StartThen("""{ "id": "n", "type": "Log", "inputs": { "message": "hi" } }"""));
        var state = EngineHarness.NewInstance(flow);
        state.CurrentNodeId = "n";
        state.Status = InstanceStatus.Waiting;

        await _engine.RunAsync(flow, state, ResumeSignal.Timer);

        state.Status.ShouldBe(InstanceStatus.Faulted);
        state.Incident!.Message.ShouldContain("does not suspend");
    }

    [Fact]
    public async Task Log_writes_the_message_as_written_to_the_server_log_at_the_chosen_level()
    {
        var logs = new CapturingLoggerProvider();
        using var engine = new EngineHarness(services => services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var flow = engine.Compile(StartThen("""{ "id": "n", "type": "Log", "inputs": { "message": "Order {{vars.id}} & co", "level": "Warning" } }"""));

        await engine.RunAsync(flow, EngineHarness.NewInstance(flow, id: "i-3", variables: new Dictionary<string, object?> { ["id"] = "A-1" }));

        var record = logs.Records.Single(r => r.Category == typeof(LogActivity).FullName);
        record.Level.ShouldBe(LogLevel.Warning);
        record.Message.ShouldContain("Order {{vars.id}} & co"); // rendered values stay in the journal (LogActivityRedactionTests)
        record.Message.ShouldContain("i-3");
        record.Message.ShouldContain("node n");
    }

    [Fact]
    public void ResumeSignal_tells_timers_from_events()
    {
        ResumeSignal.Timer.IsTimer.ShouldBeTrue();
        ResumeSignal.Timer.EventName.ShouldBeNull();
        var signal = ResumeSignal.Event("payment.confirmed", 5m);
        signal.IsTimer.ShouldBeFalse();
        signal.EventName.ShouldBe("payment.confirmed");
        signal.Payload.ShouldBe(5m);
    }

    [Fact]
    public void ActivityResult_factories()
    {
        ActivityResult.Done("x").ShouldBe(new OutcomeResult(Outcomes.Done, "x"));
        ActivityResult.Outcome("True").ShouldBe(new OutcomeResult("True", null));
        ActivityResult.Complete(1m).ShouldBe(new CompleteResult(1m));
        var due = EngineHarness.StartTime.AddHours(1);
        var wait = Wait.Until(due);
        wait.WakeAt.ShouldBe(due);
        wait.Bookmarks.ShouldBeEmpty();
        ActivityResult.Suspend(wait).ShouldBe(new SuspendResult(wait));
    }
}
