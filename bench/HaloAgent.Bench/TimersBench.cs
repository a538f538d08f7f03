using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using Npgsql;

namespace HaloAgent.Bench;

/// <summary>
/// A million pending Delay timers in PostgreSQL: (a) seed them from one real waiting instance, (b) start the real server
/// on an empty database and on the timer database (time to healthy, RSS), (c) make every timer due while the server is
/// down, start it, and measure how fast the timers fire; then check each fired exactly once.
/// </summary>
public static class TimersBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var count = (int)args.Number("count", 1_000_000);
        var runs = (int)args.Number("runs", 3);
        var maxFire = TimeSpan.FromSeconds(args.Number("max-fire-seconds", 1800));
        var wakeAtOnly = args.Flag("wake-at-only");
        var report = new Report("timers");
        report.Line($"timers: {Fmt.N(count)} timers; {Machine.OneLine()}");
        report.Set("count", count);

        if (!args.Flag("skip-server-build"))
        {
            await ServerProcess.BuildAsync(report);
        }

        await using var pg = await BenchPostgres.StartAsync();
        var cs = await pg.CreateDatabaseAsync("bench_timers");
        var settings = await BenchPostgres.SettingsAsync(cs);
        report.Set("postgres", settings);
        report.Line(BenchPostgres.DescribeSettings(settings));

        // ---------------------------------------------------------------- (a) seed
        report.Section($"(a) seed: one real instance waiting at a 30d Delay, cloned to {Fmt.N(count)} rows");
        string templateId;
        await using (var engine = await EngineRuntime.StartAsync(cs, 200))
        {
            await engine.PublishAsync(BenchFlows.Timer);
            var started = await engine.Runtime.StartAsync(TenantScope.All, BenchFlows.TimerId, new StartRequest(), CancellationToken.None);
            templateId = started.InstanceId;
            var ran = await engine.Runner.RunBatchAsync(CancellationToken.None);
            report.Line($"started {templateId} and ran {ran} batch member(s) through the engine");
        }

        var template = await BenchPostgres.RowAsync(cs, $"SELECT status, current_node_id, sequence, wake_at, wait FROM flow_instances WHERE id = '{templateId}'");
        report.Line($"template: status {template["status"]}, node {template["current_node_id"]}, sequence {template["sequence"]}, " +
                    $"wake_at {DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(template["wake_at"], CultureInfo.InvariantCulture)):u}, wait {template["wait"]}");
        if ((string?)template["status"] != "Waiting" || (string?)template["current_node_id"] != "wait")
        {
            throw new InvalidOperationException("The template instance is not waiting at the Delay node.");
        }

        var seedClock = Stopwatch.StartNew();
        var inserted = await BenchPostgres.ExecuteAsync(cs, $"""
            INSERT INTO flow_instances (id, flow_id, version, status, correlation_key, singleton_key, start_key, current_node_id,
                data, sequence, wait, incident, wake_at, runnable_since, lease_owner, lease_until, row_version, created_at, updated_at, completed_at)
            SELECT 't' || lpad(g.i::text, 31, '0'), t.flow_id, t.version, 'Waiting', NULL, NULL, NULL, t.current_node_id,
                t.data, t.sequence, t.wait, NULL, t.wake_at, t.runnable_since, NULL, NULL, t.row_version, t.created_at, t.updated_at, NULL
            FROM flow_instances t CROSS JOIN generate_series(1, {count - 1}) AS g(i)
            WHERE t.id = '{templateId}'
            """);
        seedClock.Stop();
        report.Line($"seeded {Fmt.N(inserted)} clones with one INSERT ... SELECT generate_series in {Fmt.S(seedClock.Elapsed.TotalSeconds)} " +
                    $"({Fmt.N(inserted / seedClock.Elapsed.TotalSeconds)} rows/s)");
        var vacuumClock = Stopwatch.StartNew();
        await BenchPostgres.ExecuteAsync(cs, "VACUUM ANALYZE flow_instances");
        vacuumClock.Stop();
        var size = await BenchPostgres.RowAsync(cs, """
            SELECT pg_size_pretty(pg_relation_size('flow_instances')) AS heap, pg_size_pretty(pg_indexes_size('flow_instances')) AS indexes,
                   pg_size_pretty(pg_database_size(current_database())) AS db, (SELECT count(*) FROM flow_instances WHERE status = 'Waiting') AS waiting
            """);
        report.Line($"VACUUM ANALYZE flow_instances: {Fmt.S(vacuumClock.Elapsed.TotalSeconds)}; heap {size["heap"]}, indexes {size["indexes"]}, database {size["db"]}; " +
                    $"{Fmt.N(Convert.ToInt64(size["waiting"], CultureInfo.InvariantCulture))} instances Waiting");
        report.Set("seed", new JsonObject
        {
            ["rowsInserted"] = inserted,
            ["seconds"] = Math.Round(seedClock.Elapsed.TotalSeconds, 3),
            ["rowsPerSecond"] = Math.Round(inserted / seedClock.Elapsed.TotalSeconds),
            ["vacuumAnalyzeSeconds"] = Math.Round(vacuumClock.Elapsed.TotalSeconds, 3),
            ["heap"] = (string?)size["heap"],
            ["indexes"] = (string?)size["indexes"],
            ["database"] = (string?)size["db"],
        });

        // ---------------------------------------------------------------- (b) server startup
        report.Section($"(b) server startup: {runs} starts on an empty database, {runs} on the {Fmt.N(count)}-timer database");
        report.Line($"dotnet {Path.GetRelativePath(Paths.RepoRoot, ServerProcess.ServerDll)} --urls http://127.0.0.1:<port>  (Provider=Postgres; cwd = its bin folder)");
        report.Line("time = process start -> first GET /health 200 (the server listens only after migrations, demo seed and flow import); " +
                    "RSS = VmRSS 5 s after healthy");
        var empty = await pg.CreateDatabaseAsync("bench_server_empty");
        var startup = new JsonObject();
        foreach (var (label, db) in new[] { ("empty", empty), ("timers", cs) })
        {
            var results = new JsonArray();
            for (var run = 1; run <= runs; run++)
            {
                var logPath = Path.Combine(report.ResultsDirectory, $"timers-{report.Stamp}-server-{label}-{run}.log");
                await using var server = ServerProcess.Start(db, logPath);
                var healthy = await server.WaitHealthyAsync(TimeSpan.FromMinutes(3));
                await Task.Delay(TimeSpan.FromSeconds(5));
                var (rss, peak) = server.Memory();
                var cpuSeconds = server.CpuTicks() / 100.0;
                await server.StopAsync(TimeSpan.FromSeconds(15));
                var note = run == 1 ? (label == "empty" ? " (first boot: all migrations, demo seed, flow import)" : " (first server boot on this database: commerce migrations, seed, import)") : "";
                report.Line($"  {label,-6} run {run}: healthy after {Fmt.Ms(healthy.TotalMilliseconds)}, RSS {rss:0.0} MiB (peak {peak:0.0} MiB), " +
                            $"CPU used {cpuSeconds:0.00} s{note}");
                results.Add(new JsonObject
                {
                    ["run"] = run,
                    ["healthyMs"] = Math.Round(healthy.TotalMilliseconds, 1),
                    ["rssMiB"] = Math.Round(rss, 1),
                    ["peakRssMiB"] = Math.Round(peak, 1),
                    ["cpuSeconds"] = cpuSeconds,
                });
            }

            var times = results.Select(r => r!["healthyMs"]!.GetValue<double>()).Order().ToList();
            var rsses = results.Select(r => r!["rssMiB"]!.GetValue<double>()).Order().ToList();
            report.Line($"  {label}: median healthy {Fmt.Ms(times[times.Count / 2])}, median RSS {rsses[rsses.Count / 2]:0.0} MiB");
            startup[label] = results;
        }

        report.Set("startup", startup);

        // ---------------------------------------------------------------- (c) firing
        report.Section($"(c) firing: all {Fmt.N(count)} timers due at once, server with Workers=4, BatchSize=200");
        var dueMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1000;
        var dueWait = InstanceStateMapper.SerializeWait(Wait.Until(DateTimeOffset.FromUnixTimeMilliseconds(dueMs)))!;
        var updateClock = Stopwatch.StartNew();
        var updated = wakeAtOnly
            ? await BenchPostgres.ExecuteAsync(cs, "UPDATE flow_instances SET wake_at = @due WHERE status = 'Waiting' AND flow_id = @flow", 0,
                ("due", dueMs), ("flow", BenchFlows.TimerId))
            : await BenchPostgres.ExecuteAsync(cs, "UPDATE flow_instances SET wake_at = @due, wait = @wait WHERE status = 'Waiting' AND flow_id = @flow", 0,
                ("due", dueMs), ("wait", dueWait), ("flow", BenchFlows.TimerId));
        updateClock.Stop();
        report.Line(wakeAtOnly
            ? $"UPDATE wake_at = now - 1 s (ONLY the column; --wake-at-only) on {Fmt.N(updated)} rows in {Fmt.S(updateClock.Elapsed.TotalSeconds)}"
            : $"UPDATE wake_at = now - 1 s (and the wait JSON's wakeAt to match: {dueWait}) on {Fmt.N(updated)} rows in {Fmt.S(updateClock.Elapsed.TotalSeconds)}");
        var prepClock = Stopwatch.StartNew();
        await BenchPostgres.ExecuteAsync(cs, "VACUUM ANALYZE flow_instances");
        await BenchPostgres.ExecuteAsync(cs, "CHECKPOINT");
        report.Line($"VACUUM ANALYZE + CHECKPOINT after the mass UPDATE (so the run starts as if the timers had been written due): {Fmt.S(prepClock.Elapsed.TotalSeconds)}");

        var environment = new Dictionary<string, string>
        {
            ["HaloAgent__Engine__Workers"] = "4",
            ["HaloAgent__Engine__BatchSize"] = "200",
        };
        var fireLog = Path.Combine(report.ResultsDirectory, $"timers-{report.Stamp}-server-fire.log");
        var samples = new List<(double T, long Waiting, double PollMs)>();
        double healthyAt;
        CpuSplit split;
        PgActivity activity;
        (double Rss, double Peak) fireMemory;
        var finished = false;
        await using (var server = ServerProcess.Start(cs, fireLog, environment))
        {
            var cpu = CpuMeter.Start(server.Pid, pg.PostmasterPid);
            await using var sampler = PgActivitySampler.Start(cs);
            healthyAt = (await server.WaitHealthyAsync(TimeSpan.FromMinutes(3))).TotalSeconds;
            report.Line($"server healthy after {Fmt.S(healthyAt)}; polling SELECT count(*) ... WHERE status = 'Waiting' every second");
            await using var poll = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false, ApplicationName = "halo-bench-sampler" }.ConnectionString);
            await poll.OpenAsync();
            await using var countWaiting = new NpgsqlCommand("SELECT count(*) FROM flow_instances WHERE flow_id = @flow AND status = 'Waiting'", poll) { CommandTimeout = 0 };
            countWaiting.Parameters.AddWithValue("flow", BenchFlows.TimerId);
            var nextReport = 10.0;
            while (server.SinceStart < maxFire)
            {
                var pollClock = Stopwatch.StartNew();
                var waiting = Convert.ToInt64(await countWaiting.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                var t = server.SinceStart.TotalSeconds;
                samples.Add((t, waiting, pollClock.Elapsed.TotalMilliseconds));
                if (t >= nextReport || waiting == 0)
                {
                    report.Line($"  t={t,6:0.0} s  waiting {Fmt.N(waiting),9}  fired {Fmt.N(count - waiting),9}  ({Fmt.N((count - waiting) / Math.Max(0.001, t - healthyAt))}/s since healthy)");
                    nextReport = Math.Ceiling(t / 10) * 10 + 10;
                }

                if (waiting == 0)
                {
                    finished = true;
                    break;
                }

                if (server.HasExited)
                {
                    throw new InvalidOperationException($"The server exited during the firing run; see {fireLog}.");
                }

                await Task.Delay(TimeSpan.FromSeconds(1) - pollClock.Elapsed is { TotalMilliseconds: > 0 } rest ? rest : TimeSpan.Zero);
            }

            split = cpu.Stop();
            activity = await sampler.StopAsync();
            fireMemory = server.Memory();
            await server.StopAsync(TimeSpan.FromSeconds(20));
        }

        var end = samples[^1];
        var fired = count - end.Waiting;
        var firstFire = samples.FirstOrDefault(s => s.Waiting < count);
        var overall = fired / end.T;
        var sinceHealthy = fired / Math.Max(0.001, end.T - healthyAt);
        var (steady, steadyFrom, steadyTo) = SteadyRate(samples, count);
        report.Line(finished
            ? $"all {Fmt.N(count)} timers fired {Fmt.S(end.T)} after the server process started"
            : $"STOPPED after {Fmt.S(end.T)} with {Fmt.N(end.Waiting)} still waiting (--max-fire-seconds)");
        report.Line($"fired/s overall (process start -> last fired): {Fmt.N(overall)}; since healthy: {Fmt.N(sinceHealthy)}; " +
                    $"steady (10%..90% fired, t={steadyFrom:0}..{steadyTo:0} s): {Fmt.N(steady)}");
        report.Line($"first timers seen fired at {(firstFire == default ? "(none)" : $"t={firstFire.T:0.0} s")}; count(*) poll took {Fmt.Ms(samples.Select(s => s.PollMs).Average())} on average " +
                    $"(max {Fmt.Ms(samples.Max(s => s.PollMs))})");
        report.Line($"server memory at the end: RSS {fireMemory.Rss:0.0} MiB, peak {fireMemory.Peak:0.0} MiB");
        report.Line(split.Describe("server"));
        report.Line(split.DescribePerUnit(fired, "timer fired", "server"));
        foreach (var line in activity.Describe())
        {
            report.Line(line);
        }

        // ---------------------------------------------------------------- verification
        report.Section("exactly-once verification");
        var statuses = await BenchPostgres.GroupsAsync(cs, "SELECT status, count(*) FROM flow_instances GROUP BY status ORDER BY status");
        report.Line($"status: {string.Join(", ", statuses.Select(s => $"{s.Key} {Fmt.N(s.Count)}"))}");
        var check = await BenchPostgres.RowAsync(cs, """
            SELECT
              (SELECT count(*) FROM flow_instances WHERE flow_id = 'bench-timer') AS instances,
              (SELECT count(*) FROM flow_instances WHERE flow_id = 'bench-timer' AND status = 'Completed') AS completed,
              (SELECT count(*) FROM flow_instances WHERE flow_id = 'bench-timer' AND sequence <> 5) AS wrong_sequence,
              (SELECT count(*) FROM flow_journal WHERE entries LIKE '%"kind":"resumed"%') AS resumed_segments,
              (SELECT count(*) FROM (SELECT instance_id FROM flow_journal WHERE entries LIKE '%"kind":"resumed"%'
                                     GROUP BY instance_id HAVING count(*) > 1) d) AS resumed_twice,
              (SELECT count(DISTINCT instance_id) FROM flow_journal WHERE entries LIKE '%"kind":"resumed"%') AS resumed_instances
            """);
        long L(string k) => Convert.ToInt64(check[k], CultureInfo.InvariantCulture);
        var ok = L("instances") == count && L("completed") == count && L("wrong_sequence") == 0 && L("resumed_segments") == count
                 && L("resumed_twice") == 0 && L("resumed_instances") == count;
        report.Line($"instances {Fmt.N(L("instances"))}, Completed {Fmt.N(L("completed"))}, sequence <> 5: {L("wrong_sequence")}");
        report.Line($"journal segments with a \"resumed\" entry: {Fmt.N(L("resumed_segments"))} (expected {Fmt.N(count)}), " +
                    $"instances resumed more than once: {L("resumed_twice")}, distinct instances resumed: {Fmt.N(L("resumed_instances"))} -> {(ok ? "OK" : "FAILED")}");

        report.Section("goal");
        report.Line($"goal >= 5,000 fired/s: overall {Fmt.N(overall)}/s, steady {Fmt.N(steady)}/s -> {(steady >= 5000 ? "met" : "MISSED")}");

        var verification = new JsonObject();
        foreach (var (k, v) in check)
        {
            verification[k] = Convert.ToInt64(v, CultureInfo.InvariantCulture);
        }

        var series = new JsonArray();
        foreach (var s in samples)
        {
            series.Add(new JsonArray(Math.Round(s.T, 2), s.Waiting));
        }

        report.Set("fire", new JsonObject
        {
            ["wakeAtOnly"] = wakeAtOnly,
            ["updateSeconds"] = Math.Round(updateClock.Elapsed.TotalSeconds, 3),
            ["healthySeconds"] = Math.Round(healthyAt, 3),
            ["finished"] = finished,
            ["seconds"] = Math.Round(end.T, 3),
            ["fired"] = fired,
            ["firedPerSecondOverall"] = Math.Round(overall, 1),
            ["firedPerSecondSinceHealthy"] = Math.Round(sinceHealthy, 1),
            ["firedPerSecondSteady"] = Math.Round(steady, 1),
            ["serverRssMiB"] = Math.Round(fireMemory.Rss, 1),
            ["serverPeakRssMiB"] = Math.Round(fireMemory.Peak, 1),
            ["cpu"] = split.ToJson(),
            ["cpuPerTimer"] = split.PerUnitJson(fired),
            ["pgActivity"] = activity.ToJson(),
            ["waitingByTime"] = series,
            ["verification"] = verification,
            ["verified"] = ok,
        });
        report.Save();
        return ok && finished ? 0 : 3;
    }

    /// <summary>Average rate between the samples where 10% and 90% of the timers had fired.</summary>
    private static (double Rate, double From, double To) SteadyRate(List<(double T, long Waiting, double PollMs)> samples, int count)
    {
        var from = samples.FirstOrDefault(s => count - s.Waiting >= count * 0.10);
        var to = samples.FirstOrDefault(s => count - s.Waiting >= count * 0.90);
        if (from == default || to == default || to.T <= from.T)
        {
            var last = samples[^1];
            return ((count - last.Waiting) / Math.Max(0.001, last.T), 0, last.T);
        }

        return ((from.Waiting - to.Waiting) / (to.T - from.T), from.T, to.T);
    }
}
