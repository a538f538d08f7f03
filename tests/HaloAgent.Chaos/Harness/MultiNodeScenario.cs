using System.Diagnostics;

namespace HaloAgent.Chaos;

/// <summary>
/// Several nodes on one PostgreSQL, each customer's messages spread over them (message k of customer i goes to node
/// (i + k) mod n); every message also starts a follow-up timer. Optionally one node is killed part-way and stays down.
/// </summary>
public static class MultiNodeScenario
{
    public static async Task<ScenarioReport> RunAsync(string connectionString, int nodes, int customers, int turns, CancellationToken cancellationToken, bool killOne = false)
    {
        var report = new ScenarioReport($"{nodes} nodes, {customers} conversations with timers" + (killOne ? ", one node killed" : ""));
        var clock = Stopwatch.StartNew();
        await using var cluster = await ChaosCluster.StartAsync(connectionString, new ChaosSettings { Nodes = nodes }, cancellationToken);
        report.Line($"{nodes} nodes started in {clock.Elapsed.TotalSeconds:0.0} s");
        await cluster.ImportFlowAsync(ChaosFlows.FollowUp("2s"), cancellationToken);
        var load = new ConversationLoad(cluster, customers, turns, 2347600000000L) { Ramp = TimeSpan.FromMilliseconds(2) };
        clock.Restart();
        var run = load.RunAsync(cancellationToken);
        IReadOnlyList<ConversationLoad.Turn> inFlight = [];
        double killedAt = 0;
        if (killOne)
        {
            await Checks.UntilAsync(() => Task.FromResult(load.Answered >= load.TotalTurns * 0.4 || run.IsCompleted), TimeSpan.FromMinutes(10), cancellationToken);
            inFlight = load.InFlight();
            killedAt = load.NowMs;
            cluster.Nodes[^1].Kill();
            report.Kills.Add(DateTimeOffset.UtcNow); // once the process is gone (Kill waits for it)
            report.Line($"{cluster.Nodes[^1].Name} killed (and left down) with {inFlight.Count} messages in flight; customers' webhooks go to the other nodes");
        }

        var result = await run;
        report.Line($"all conversations done in {clock.Elapsed.TotalSeconds:0.0} s ({result.Turns / clock.Elapsed.TotalSeconds:0} messages/s with replies)");
        Checks.Conversations(result, report);
        if (killOne)
        {
            KillScenarios.Recovery(report, inFlight, killedAt);
        }

        await Checks.UntilAsync(
            async () => (await cluster.Database.QueryAsync(
                "SELECT count(*) FROM flow_instances WHERE flow_id = @flow AND status <> 'Completed'", r => r.GetInt64(0), cancellationToken, ("flow", ChaosFlows.FollowUpFlowId)))[0] == 0,
            TimeSpan.FromMinutes(3),
            cancellationToken);
        await Checks.TimersAsync(cluster, report, ChaosFlows.FollowUpFlowId, result.Turns, cancellationToken);
        await Checks.SendsAsync(cluster, report, result.Sent, cancellationToken);
        report.Figure("maxWorkingSetMiB", cluster.MaxWorkingSetMiB);
        return report;
    }
}
