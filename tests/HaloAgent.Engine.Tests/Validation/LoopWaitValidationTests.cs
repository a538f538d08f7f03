using HaloAgent.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Validation;

/// <summary>Issue 10, item 3: Start → Delay 0s → Log → back to the Delay published, then ran ~500 steps a second for ever.</summary>
public sealed class LoopWaitValidationTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private static string LoopThrough(string waitNode, string waitOutcome = "Done") => Flow(
        $$"""
        { "id": "start", "type": "Start" },
        {{waitNode}},
        { "id": "log", "type": "Log", "inputs": { "message": "tick" } }
        """,
        $$"""
        { "from": "start", "to": "wait" }, { "from": "wait", "outcome": "{{waitOutcome}}", "to": "log" }, { "from": "log", "to": "wait" }
        """);

    [Theory]
    [InlineData("0s", "0s")]
    [InlineData("30s", "30s")]
    [InlineData("59s", "59s")]
    public void A_loop_through_a_Delay_shorter_than_the_minimum_is_rejected(string duration, string shown)
    {
        var errors = _engine.Validate(LoopThrough($$"""{ "id": "wait", "type": "Delay", "inputs": { "duration": "{{duration}}" } }"""));

        var error = errors.ShouldHaveSingleItem();
        error.NodeId.ShouldBe("wait");
        error.Message.ShouldBe($"Loop without a wait: wait -> log -> wait ('wait' waits only {shown}). Put a Wait for event or a Delay of at least 1m in the loop.");
    }

    [Theory]
    [InlineData("""{ "id": "wait", "type": "Delay", "inputs": { "duration": "1m" } }""", "Done")]
    [InlineData("""{ "id": "wait", "type": "Delay", "inputs": { "duration": "{{vars.pause}}" } }""", "Done")]
    [InlineData("""{ "id": "wait", "type": "Delay", "inputs": { "until": "{{vars.next}}" } }""", "Done")]
    [InlineData("""{ "id": "wait", "type": "WaitForEvent", "inputs": { "event": "message.received" } }""", "Received")]
    [InlineData("""{ "id": "wait", "type": "WaitForEvent", "inputs": { "event": "message.received", "timeout": "1h" } }""", "TimedOut")]
    [InlineData("""{ "id": "wait", "type": "WaitForEvent", "inputs": { "event": "message.received", "timeout": "{{vars.t}}" } }""", "TimedOut")]
    public void A_loop_through_a_real_wait_is_accepted(string waitNode, string outcome)
    {
        _engine.Validate(LoopThrough(waitNode, outcome)).ShouldBeValid();
    }

    [Theory]
    [InlineData("""{ "id": "wait", "type": "Delay", "inputs": { "until": "2026-12-24T09:00:00Z" } }""", "Done")]
    [InlineData("""{ "id": "wait", "type": "WaitForEvent", "inputs": { "event": "message.received", "timeout": "10s" } }""", "TimedOut")]
    public void A_loop_through_a_wait_that_can_be_instant_or_short_is_rejected(string waitNode, string outcome)
    {
        _engine.Validate(LoopThrough(waitNode, outcome)).ShouldHaveSingleItem().Message.ShouldStartWith("Loop without a wait: wait -> log -> wait");
    }

    [Fact]
    public void The_minimum_is_configurable()
    {
        using var engine = new EngineHarness(s => s.Configure<EngineLimits>(l => l.MinLoopWait = TimeSpan.FromSeconds(20)));

        engine.Validate(LoopThrough("""{ "id": "wait", "type": "Delay", "inputs": { "duration": "30s" } }""")).ShouldBeValid();
        engine.Validate(LoopThrough("""{ "id": "wait", "type": "Delay", "inputs": { "duration": "10s" } }"""))
            .ShouldHaveSingleItem().Message.ShouldContain("a Delay of at least 20s");
    }

    [Fact]
    public void A_short_Delay_outside_any_loop_is_still_fine()
    {
        _engine.Validate(StartThen("""{ "id": "n", "type": "Delay", "inputs": { "duration": "0s" } }""")).ShouldBeValid();
    }
}
