using System.Diagnostics;
using System.Globalization;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using HaloAgent.Testing.FakeLlm;

namespace HaloAgent.Chaos;

/// <summary>What the server depends on fails while customers talk to it: PostgreSQL restarts, Meta's API errors, the LLM hangs.</summary>
public static class DependencyScenarios
{
    /// <summary><c>pg_ctl restart -m fast</c> (every connection cut) while conversations run on one node.</summary>
    public static async Task<ScenarioReport> PostgresRestartAsync(int customers, int turns, CancellationToken cancellationToken, double restartAt = 0.3)
    {
        var report = new ScenarioReport("PostgreSQL restart under load");
        await using var pg = await PostgresServer.StartPrivateAsync(cancellationToken);
        var cs = await pg.CreateDatabaseAsync("chaos_pg", cancellationToken);
        await using var cluster = await ChaosCluster.StartAsync(cs, new ChaosSettings(), cancellationToken);
        var load = new ConversationLoad(cluster, customers, turns, 2347300000000L) { Ramp = TimeSpan.FromMilliseconds(5) };
        report.Line($"{customers} customers x {turns} messages on 1 node; PostgreSQL restarted (fast) at {restartAt:P0} of the replies");
        var run = load.RunAsync(cancellationToken);
        await Checks.UntilAsync(() => Task.FromResult(load.Answered >= load.TotalTurns * restartAt || run.IsCompleted), TimeSpan.FromMinutes(10), cancellationToken);
        var inFlight = load.InFlight();
        var at = load.NowMs;
        var clock = Stopwatch.StartNew();
        await pg.RestartAsync();
        report.Line($"restarted with {inFlight.Count} messages in flight; PostgreSQL accepted connections again after {clock.Elapsed.TotalSeconds:0.0} s; node alive: {cluster.Nodes[0].IsAlive}");
        // A step whose database call met the restart retries in place until PostgreSQL is back (the engine's transient
        // step retry): no instance may fault (Checks counts faulted instances), and nobody retries anything by hand.
        var result = await run;
        var retried = await cluster.Database.QueryAsync(
            """
            SELECT e->>'nodeId', (e->>'attempts')::int FROM flow_journal j CROSS JOIN LATERAL jsonb_array_elements(j.entries::jsonb) e
            WHERE (e->>'attempts')::int > 1 AND e->>'kind' <> 'faulted'
            """,
            r => (Node: r.GetString(0), Attempts: r.GetInt32(1)), cancellationToken);
        report.Figure("stepsRetriedInPlace", retried.Count);
        report.Line(retried.Count == 0
            ? "no step met the restart (none needed a second attempt)"
            : $"{retried.Count} step(s) met the restart and succeeded when retried in place: {string.Join(", ", retried.GroupBy(r => r.Node).Select(g => $"{g.Key} x{g.Count()} (up to {g.Max(r => r.Attempts)} attempts)"))}");
        report.Expect(cluster.Nodes[0].IsAlive, "the node survived the database restart");
        Checks.Conversations(result, report);
        KillScenarios.Recovery(report, inFlight, at);
        await Checks.SendsAsync(cluster, report, result.Sent, cancellationToken);
        return report;
    }

    /// <summary>Meta answers every send with 500, 429 and 130429 in turn for <paramref name="outage"/>, while customers talk.</summary>
    public static async Task<ScenarioReport> GraphOutageAsync(string connectionString, int customers, int turns, TimeSpan outage, CancellationToken cancellationToken, double startAt = 0.3)
    {
        var report = new ScenarioReport("Graph API 500/429/130429 outage");
        await using var cluster = await ChaosCluster.StartAsync(connectionString, new ChaosSettings(), cancellationToken);
        var load = new ConversationLoad(cluster, customers, turns, 2347400000000L)
        {
            Ramp = TimeSpan.FromMilliseconds(5),
            ReplyTimeout = outage + TimeSpan.FromMinutes(6), // the outbox backs off exponentially (2 s doubling, up to 5 min)
        };
        report.Line($"{customers} customers x {turns} messages on 1 node; every Graph send fails for {outage.TotalSeconds:0} s (500, HTTP 429 code 4, 130429 in turn)");
        var run = load.RunAsync(cancellationToken);
        await Checks.UntilAsync(() => Task.FromResult(load.Answered >= load.TotalTurns * startAt || run.IsCompleted), TimeSpan.FromMinutes(10), cancellationToken);
        cluster.Graph.StartOutage(FakeGraphError.ServerError, FakeGraphError.TooManyRequests, FakeGraphError.Throughput);
        await Task.Delay(outage, cancellationToken); // the fault's length is the parameter, not a wait for a state
        cluster.Graph.EndOutage();
        var inFlight = load.InFlight();
        var ended = load.NowMs;
        report.Line($"outage over: {cluster.Graph.OutageFailures} sends refused; {inFlight.Count} messages waiting for their reply");
        var result = await run;
        Checks.Conversations(result, report);
        KillScenarios.Recovery(report, inFlight, ended);
        report.Line("(recovery here is from the end of the outage: sends retry with exponential backoff, 2 s doubling)");
        report.Figure("outageRefusals", cluster.Graph.OutageFailures);
        report.Expect(cluster.Graph.OutageFailures > 0, "the outage refused some sends");
        await Checks.SendsAsync(cluster, report, result.Sent, cancellationToken);
        return report;
    }

    /// <summary>The LLM is on but never answers: the built-in NLU must answer every message within the LLM timeout.</summary>
    public static async Task<ScenarioReport> LlmTimeoutAsync(string connectionString, int customers, int turns, TimeSpan llmTimeout, CancellationToken cancellationToken)
    {
        var report = new ScenarioReport("LLM timing out");
        await using var llm = (await FakeChatServer.StartAsync()).Replies(FakeReply.Hang());
        var settings = new ChaosSettings
        {
            Environment = new Dictionary<string, string>
            {
                ["HaloAgent__Llm__Enabled"] = "true",
                ["HaloAgent__Llm__BaseUrl"] = llm.BaseUrl,
                ["HaloAgent__Llm__ApiKey"] = "chaos",
                ["HaloAgent__Llm__Model"] = "hangs-forever",
                ["HaloAgent__Llm__Timeout"] = llmTimeout.ToString("c", CultureInfo.InvariantCulture),
            },
        };
        await using var cluster = await ChaosCluster.StartAsync(connectionString, settings, cancellationToken);
        var load = new ConversationLoad(cluster, customers, turns, 2347500000000L);
        report.Line($"{customers} customers x {turns} messages; the LLM at {llm.BaseUrl} hangs; HaloAgent:Llm:Timeout {llmTimeout.TotalSeconds:0.#} s");
        var result = await load.RunAsync(cancellationToken);
        Checks.Conversations(result, report);
        var replies = load.WaIds.SelectMany(w => cluster.Graph.SentTo(w)).ToList();
        var byNode = replies.GroupBy(r => r.Body["biz_opaque_callback_data"]?.GetValue<string>() ?? "?").ToDictionary(g => g.Key, g => g.Count());
        report.Line($"LLM requests {llm.Requests.Count} (none answered); replies by flow/node: {string.Join(", ", byNode.Select(kv => $"{kv.Key} {kv.Value}"))}");
        report.Figure("llmRequests", llm.Requests.Count);
        report.Expect(llm.Requests.Count > 0, "the LLM was asked (and timed out)");
        var understood = replies.Count(r => r.Body["biz_opaque_callback_data"]?.GetValue<string>() is "ordering/greet" or "ordering/thanks");
        report.Expect(understood == replies.Count, $"the built-in NLU understood every greeting and thank-you ({understood} of {replies.Count})");
        await Checks.SendsAsync(cluster, report, result.Sent, cancellationToken);
        return report;
    }
}
