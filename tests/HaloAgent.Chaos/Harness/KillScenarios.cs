using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace HaloAgent.Chaos;

/// <summary>SIGKILL a node mid-work, start it again at once (as a supervisor would), and count what was lost or doubled.</summary>
public static class KillScenarios
{
    /// <summary>Customers in conversation (closed loop over signed webhooks); the node dies once a fraction of the turns are answered.</summary>
    public static async Task<ScenarioReport> MidConversationAsync(string connectionString, int customers, int turns, CancellationToken cancellationToken, double killAt = 0.3)
    {
        var report = new ScenarioReport("kill -9 mid-conversation");
        await using var cluster = await ChaosCluster.StartAsync(connectionString, new ChaosSettings(), cancellationToken);
        var node = cluster.Nodes[0];
        var load = new ConversationLoad(cluster, customers, turns, 2347100000000L) { Ramp = TimeSpan.FromMilliseconds(5) };
        report.Line($"{customers} customers x {turns} messages on 1 node; SIGKILL at {killAt:P0} of the replies, restarted at once; leases {cluster.Environment["HaloAgent__Engine__LeaseDuration"]}");
        var run = load.RunAsync(cancellationToken);
        await Checks.UntilAsync(() => Task.FromResult(load.Answered >= load.TotalTurns * killAt || run.IsCompleted), TimeSpan.FromMinutes(10), cancellationToken);
        var inFlight = load.InFlight();
        var killedAt = load.NowMs;
        node.Kill();
        report.Kills.Add(DateTimeOffset.UtcNow); // once the process is gone (Kill waits for it)
        var restart = await node.RestartAsync(cancellationToken);
        report.Line($"killed with {inFlight.Count} messages in flight (sent, not answered) after {load.Answered} replies; healthy again {restart.TotalSeconds:0.0} s later");
        var result = await run;
        Checks.Conversations(result, report);
        Recovery(report, inFlight, killedAt);
        await Checks.SendsAsync(cluster, report, result.Sent, cancellationToken);
        return report;
    }

    /// <summary>
    /// Every contact gets one message from an event each (a broadcast through the outbox, held to a low per-number rate
    /// so it queues); the node dies part-way through sending.
    /// </summary>
    public static async Task<ScenarioReport> MidBroadcastAsync(string connectionString, int contacts, int messagesPerSecond, CancellationToken cancellationToken, double killAt = 0.3)
    {
        var report = new ScenarioReport("kill -9 mid-broadcast");
        await using var cluster = await ChaosCluster.StartAsync(connectionString, new ChaosSettings { MessagesPerSecond = messagesPerSecond }, cancellationToken);
        var node = cluster.Nodes[0];
        await cluster.ImportFlowAsync(ChaosFlows.Broadcast, cancellationToken);
        var greet = new ConversationLoad(cluster, contacts, 1, 2347200000000L);
        var greeted = await greet.RunAsync(cancellationToken);
        report.Expect(greeted.Lost == 0, $"every contact was greeted first ({greeted.Lost} not)");
        var ids = await cluster.Database.ContactIdsAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(greet.WaIds, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (waId, token) =>
            await cluster.RaiseEventAsync(node, ChaosFlows.BroadcastEvent, ids[waId], null, token));
        report.Line($"{contacts} contacts greeted, then {contacts} '{ChaosFlows.BroadcastEvent}' events raised in {clock.Elapsed.TotalSeconds:0.0} s; sending at {messagesPerSecond}/s");
        var target = contacts * 2;
        var killWhen = contacts + (int)(contacts * killAt);
        await Checks.UntilAsync(() => Task.FromResult(cluster.Graph.SentCount >= killWhen), TimeSpan.FromMinutes(5), cancellationToken);
        var (pendingAtKill, sentAtKill) = ((await cluster.Database.BacklogAsync(cancellationToken)).OutboxPending, cluster.Graph.SentCount - contacts);
        var killed = Stopwatch.StartNew();
        node.Kill();
        report.Kills.Add(DateTimeOffset.UtcNow); // once the process is gone (Kill waits for it)
        var restart = await node.RestartAsync(cancellationToken);
        report.Line($"killed after {sentAtKill} of {contacts} broadcast messages were sent ({pendingAtKill} rows queued or sending); healthy again {restart.TotalSeconds:0.0} s later");
        var done = await Checks.UntilAsync(() => Task.FromResult(cluster.Graph.SentCount >= target), TimeSpan.FromMinutes(5), cancellationToken);
        report.RecoverySeconds = killed.Elapsed.TotalSeconds;
        report.Figure("recoverySeconds", killed.Elapsed.TotalSeconds);
        report.Line($"all broadcast messages sent {killed.Elapsed.TotalSeconds:0.0} s after the kill: {done}");
        var missing = greet.WaIds.Count(w => cluster.Graph.SentTo(w).Count < 2);
        report.Lost = missing;
        report.Expect(missing == 0, $"every contact got the broadcast ({missing} did not)");
        await Checks.SendsAsync(cluster, report, greeted.Sent + contacts, cancellationToken);
        return report;
    }

    /// <summary>Many instances whose Delay timers come due together; the node dies while they fire.</summary>
    public static async Task<ScenarioReport> MidTimerBurstAsync(string connectionString, int timers, TimeSpan delay, CancellationToken cancellationToken, double killAt = 0.25)
    {
        var report = new ScenarioReport("kill -9 mid-timer-burst");
        await using var cluster = await ChaosCluster.StartAsync(connectionString, new ChaosSettings(), cancellationToken);
        var node = cluster.Nodes[0];
        await cluster.ImportFlowAsync(ChaosFlows.Timer($"{delay.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s"), cancellationToken);
        var owner = await cluster.OwnerAsync(node, cancellationToken);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, timers), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            using var response = await owner.PostAsJsonAsync($"/api/flows/{ChaosFlows.TimerFlowId}/instances", new { correlationKey = $"timer-{i}" }, token);
            response.EnsureSuccessStatusCode();
        });
        report.Line($"{timers} instances started in {clock.Elapsed.TotalSeconds:0.0} s, each with a {delay.TotalSeconds:0} s Delay; SIGKILL once {killAt:P0} have fired");
        Task<long> Fired() => Count(cluster, "SELECT count(*) FROM flow_instances WHERE flow_id = @flow AND status = 'Completed'", cancellationToken);
        await Checks.UntilAsync(async () => await Fired() >= timers * killAt, TimeSpan.FromMinutes(5), cancellationToken);
        var firedAtKill = await Fired();
        var killed = Stopwatch.StartNew();
        node.Kill();
        report.Kills.Add(DateTimeOffset.UtcNow); // once the process is gone (Kill waits for it)
        var restart = await node.RestartAsync(cancellationToken);
        report.Line($"killed after {firedAtKill} of {timers} timers fired; healthy again {restart.TotalSeconds:0.0} s later");
        var done = await Checks.UntilAsync(async () => await Fired() >= timers, TimeSpan.FromMinutes(5), cancellationToken);
        report.RecoverySeconds = killed.Elapsed.TotalSeconds;
        report.Figure("recoverySeconds", killed.Elapsed.TotalSeconds);
        report.Line($"all timers fired {killed.Elapsed.TotalSeconds:0.0} s after the kill: {done}");
        await Checks.TimersAsync(cluster, report, ChaosFlows.TimerFlowId, timers, cancellationToken);
        await Checks.SendsAsync(cluster, report, messages: 0, cancellationToken);
        return report;
    }

    /// <summary>Recovery: from the fault to the last reply among the messages that were in flight when it struck.</summary>
    public static void Recovery(ScenarioReport report, IReadOnlyList<ConversationLoad.Turn> inFlight, double faultMs)
    {
        var answered = inFlight.Where(t => t.RepliedMs is not null).ToList();
        if (answered.Count == 0)
        {
            report.Line("no message was in flight at the fault");
            return;
        }

        var recovery = (answered.Max(t => t.RepliedMs!.Value) - faultMs) / 1000;
        report.RecoverySeconds = recovery;
        report.Figure("recoverySeconds", recovery);
        report.Line($"the {answered.Count} messages in flight at the fault were all answered {recovery:0.0} s after it");
    }

    private static async Task<long> Count(ChaosCluster cluster, string sql, CancellationToken cancellationToken) =>
        (await cluster.Database.QueryAsync(sql, r => r.GetInt64(0), cancellationToken, ("flow", ChaosFlows.TimerFlowId)))[0];
}
