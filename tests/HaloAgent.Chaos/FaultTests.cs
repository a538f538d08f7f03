using HaloAgent.Testing;
using Xunit.Abstractions;

namespace HaloAgent.Chaos;

/// <summary>
/// The short forms of the fault scenarios (the long forms: <c>bench chaos</c>). Each runs real server processes on a
/// real PostgreSQL and asserts: no message lost, none sent twice, no timer fired twice.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Kill_mid_conversation_loses_and_doubles_nothing() =>
        Verify(await KillScenarios.MidConversationAsync(await DatabaseAsync("chaos_conv"), customers: 40, turns: 4, None));

    [Fact]
    public async Task Kill_mid_broadcast_sends_each_message_once() =>
        Verify(await KillScenarios.MidBroadcastAsync(await DatabaseAsync("chaos_bcast"), contacts: 150, messagesPerSecond: 40, None));

    [Fact]
    public async Task Kill_mid_marketing_broadcast_reaches_each_customer_exactly_once() =>
        Verify(await MarketingScenarios.KillMidBroadcastAsync(await DatabaseAsync("chaos_marketing"), contacts: 120, sendsPerSecond: 20, None));

    [Fact]
    public async Task Kill_mid_timer_burst_fires_each_timer_once() =>
        Verify(await KillScenarios.MidTimerBurstAsync(await DatabaseAsync("chaos_timer"), timers: 1000, TimeSpan.FromSeconds(6), None));

    [Fact]
    public async Task Postgres_restart_under_load_loses_doubles_and_faults_nothing() =>
        Verify(await DependencyScenarios.PostgresRestartAsync(customers: 30, turns: 4, None));

    [Fact]
    public async Task Graph_outage_is_retried_until_every_reply_is_sent_once() =>
        Verify(await DependencyScenarios.GraphOutageAsync(await DatabaseAsync("chaos_graph"), customers: 30, turns: 3, TimeSpan.FromSeconds(8), None));

    [Fact]
    public async Task Llm_timing_out_leaves_the_built_in_nlu_to_answer() =>
        Verify(await DependencyScenarios.LlmTimeoutAsync(await DatabaseAsync("chaos_llm"), customers: 10, turns: 2, TimeSpan.FromSeconds(1.5), None));

    [Fact]
    public async Task Three_nodes_answer_every_conversation_and_fire_every_timer_once() =>
        Verify(await MultiNodeScenario.RunAsync(await DatabaseAsync("chaos_multi"), nodes: 3, customers: 100, turns: 2, None));

    private static async Task<string> DatabaseAsync(string prefix) => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync(prefix);

    private void Verify(ScenarioReport report)
    {
        output.WriteLine(report.ToString());
        report.Problems.ShouldBeEmpty(report.Summary);
        report.Lost.ShouldBe(0);
        (report.Duplicated - report.DuplicatedAtCrash).ShouldBe(0, "messages sent twice other than in the kill's window");
        report.DoubleFired.ShouldBe(0);
    }
}

/// <summary>The scenarios run one after the other: each owns the machine's two cores while it measures recovery.</summary>
[CollectionDefinition(Name)]
public sealed class ChaosCollection
{
    public const string Name = "chaos";
}
