using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Runtime;

namespace HaloAgent.Bench;

/// <summary>
/// The durable runtime on PostgreSQL with the 10-activity flow: (a) drain a backlog of runnable instances with W concurrent
/// <see cref="InstanceBatchRunner.RunBatchAsync"/> loops, (b) end to end: 32 starters and the runner loops at once.
/// Every step of every instance is committed (state + journal) before it counts.
/// </summary>
public static class PersistedBench
{
    private const int ActivitiesPerRun = 10;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var count = (int)args.Number("count", 50_000);
        var configs = args.Pairs("configs", "2x100,2x200,4x100,4x200");
        var e2e = args.Pairs("e2e", "4x100")[0];
        var starters = (int)args.Number("starters", 32);
        var seconds = args.Number("seconds", 15);
        var warmup = (int)args.Number("warmup", 2_000);
        var diagnostic = !args.Flag("no-diagnostic");
        var report = new Report("persisted");
        report.Line($"persisted: {Machine.OneLine()}");

        await using var pg = await BenchPostgres.StartAsync();
        var settingsDb = await pg.CreateDatabaseAsync("bench_settings");
        var settings = await BenchPostgres.SettingsAsync(settingsDb);
        report.Set("postgres", settings);
        report.Line(BenchPostgres.DescribeSettings(settings));
        report.Line($"database: {(pg.Server.IsExternal ? "external (HALO_BENCH_POSTGRES)" : "throwaway cluster on 127.0.0.1 (HaloAgent.Testing.PostgresServer)")}");
        var failures = 0;

        foreach (var (workers, batchSize) in configs)
        {
            failures += await DrainAsync(report, pg, count, warmup, workers, batchSize, inMemorySplit: false) ? 0 : 1;
        }

        if (diagnostic)
        {
            // Not a goal figure: the same drain with the Split's per-instance assignment transaction taken out.
            var (workers, batchSize) = configs[^1];
            failures += await DrainAsync(report, pg, count, warmup, workers, batchSize, inMemorySplit: true) ? 0 : 1;
        }

        failures += await EndToEndAsync(report, pg, e2e.Workers, e2e.BatchSize, starters, TimeSpan.FromSeconds(seconds), warmup, null) ? 0 : 1;
        if (!args.Flag("no-paced"))
        {
            // The flat-out run saturates the CPU, so its latency is mostly queueing. Latency at a sustainable load:
            // the same starters paced to half the completion rate just measured.
            var flatOut = report.Data["endToEnd"]?["windowCompletionsPerSecond"]?.GetValue<double>() ?? 0;
            var rate = args.Number("paced-rate", (long)Math.Max(50, flatOut / 2));
            failures += await EndToEndAsync(report, pg, e2e.Workers, e2e.BatchSize, starters, TimeSpan.FromSeconds(seconds), warmup, rate) ? 0 : 1;
        }

        report.Section("goal");
        var best = report.Data["drain"] is JsonObject drains
            ? drains.Where(d => !d.Value!["inMemorySplit"]!.GetValue<bool>()).Select(d => d.Value!["completionsPerSecond"]!.GetValue<double>()).DefaultIfEmpty(0).Max()
            : 0;
        report.Line($"goal >= 2,000 persisted completions/s; best drain {Fmt.N(best)}/s, end-to-end {Fmt.N(report.Data["endToEnd"]?["windowCompletionsPerSecond"]?.GetValue<double>() ?? 0)}/s");
        report.Line(failures == 0 ? "correctness: all checks passed" : $"correctness: {failures} run(s) FAILED verification");
        report.Save();
        return failures == 0 ? 0 : 3;
    }

    private static async Task<bool> DrainAsync(Report report, BenchPostgres pg, int count, int warmup, int workers, int batchSize, bool inMemorySplit)
    {
        var label = $"W{workers}xB{batchSize}" + (inMemorySplit ? "-inMemorySplit" : "");
        report.Section($"drain {label}: {Fmt.N(count)} runnable instances, {workers} RunBatchAsync loops, BatchSize {batchSize}" +
                       (inMemorySplit ? " -- DIAGNOSTIC: IVariantAssigner swapped for the in-memory HashingVariantAssigner (no database call inside the Split)" : ""));
        var cs = await pg.CreateDatabaseAsync($"bench_drain_{workers}x{batchSize}");
        await using var engine = await EngineRuntime.StartAsync(cs, batchSize, inMemorySplit);
        await engine.PublishAsync(BenchFlows.TenNodes);

        // Warm-up (JIT, pools, caches), not timed: a long-running server is past this point.
        if (warmup > 0)
        {
            await StartManyAsync(engine, warmup, 32);
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => engine.Runner.RunUntilIdleAsync(CancellationToken.None)));
            report.Line($"warm-up: started and drained {Fmt.N(warmup)} instances (not timed)");
        }

        // Not timed for the goal: fill the backlog with 32 concurrent StartAsync callers.
        var startClock = Stopwatch.StartNew();
        await StartManyAsync(engine, count, 32);
        startClock.Stop();
        report.Line($"inserted {Fmt.N(count)} instances via FlowRuntime.StartAsync (32 concurrent) in {Fmt.S(startClock.Elapsed.TotalSeconds)} " +
                    $"({Fmt.N(count / startClock.Elapsed.TotalSeconds)} starts/s; not part of the drain figure)");
        await BenchPostgres.ExecuteAsync(cs, "CHECKPOINT");

        long claimed = 0;
        long batches = 0;
        var cpu = CpuMeter.Start(Environment.ProcessId, pg.PostmasterPid);
        await using var sampler = PgActivitySampler.Start(cs);
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var loops = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Read(ref claimed) < count && !timeout.IsCancellationRequested)
            {
                var n = await engine.Runner.RunBatchAsync(CancellationToken.None);
                if (n == 0)
                {
                    await Task.Delay(2);
                    continue;
                }

                Interlocked.Add(ref claimed, n);
                Interlocked.Increment(ref batches);
            }
        })).ToList();
        await Task.WhenAll(loops);
        clock.Stop();
        var split = cpu.Stop();
        var activity = await sampler.StopAsync();

        var rate = count / clock.Elapsed.TotalSeconds;
        report.Line($"drained in {Fmt.S(clock.Elapsed.TotalSeconds)} ({Fmt.N(batches)} batches): {Fmt.N(rate)} persisted flow completions/s, " +
                    $"{Fmt.N(rate * ActivitiesPerRun)} persisted activity executions/s");
        report.Line(split.Describe());
        report.Line(split.DescribePerUnit(count, "completion"));
        foreach (var line in activity.Describe())
        {
            report.Line(line);
        }

        var (ok, checks) = await VerifyAsync(report, cs, count + warmup, inMemorySplit);
        report.Set($"drain.{label}", new JsonObject
        {
            ["inMemorySplit"] = inMemorySplit,
            ["warmupInstances"] = warmup,
            ["instances"] = count,
            ["workers"] = workers,
            ["batchSize"] = batchSize,
            ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
            ["batches"] = batches,
            ["completionsPerSecond"] = Math.Round(rate, 1),
            ["activityExecutionsPerSecond"] = Math.Round(rate * ActivitiesPerRun),
            ["startsPerSecondWhileFilling"] = Math.Round(count / startClock.Elapsed.TotalSeconds, 1),
            ["cpu"] = split.ToJson(),
            ["cpuPerCompletion"] = split.PerUnitJson(count),
            ["pgActivity"] = activity.ToJson(),
            ["verification"] = checks,
            ["verified"] = ok,
        });
        return ok;
    }

    private static async Task StartManyAsync(EngineRuntime engine, int count, int concurrency)
    {
        long next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var result = await engine.Runtime.StartAsync(TenantScope.All, BenchFlows.TenNodesId, new StartRequest(), CancellationToken.None);
                if (!result.Started)
                {
                    throw new InvalidOperationException($"StartAsync refused: {result.Reason}");
                }
            }
        })));
    }

    private static async Task<bool> EndToEndAsync(Report report, BenchPostgres pg, int workers, int batchSize, int starterCount, TimeSpan duration, int warmup, long? pacedRate)
    {
        var key = pacedRate is null ? "endToEnd" : "endToEndPaced";
        report.Section($"end-to-end{(pacedRate is { } r ? $" PACED at {r} starts/s" : " (flat out)")}: {starterCount} concurrent StartAsync callers + {workers} runner loops (BatchSize {batchSize}) for {duration.TotalSeconds} s");
        var cs = await pg.CreateDatabaseAsync("bench_e2e");
        await using var engine = await EngineRuntime.StartAsync(cs, batchSize);
        await engine.PublishAsync(BenchFlows.TenNodes);
        if (warmup > 0)
        {
            await StartManyAsync(engine, warmup, starterCount);
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => engine.Runner.RunUntilIdleAsync(CancellationToken.None)));
            report.Line($"warm-up: started and drained {Fmt.N(warmup)} instances (not timed, not in the latency figures)");
        }

        await BenchPostgres.ExecuteAsync(cs, "CHECKPOINT");
        var pollInterval = engine.Options.PollInterval;

        long started = 0;
        long claimed = 0;
        long batchCalls = 0;
        long emptyCalls = 0;
        var startersDone = false;
        using var stopStarting = new CancellationTokenSource();
        var cpu = CpuMeter.Start(Environment.ProcessId, pg.PostmasterPid);
        await using var sampler = PgActivitySampler.Start(cs);
        var windowStart = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();

        // Runner loops behave like FlowWorker: run a batch; when nothing is due, sleep until signalled or the poll interval passes.
        var runners = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var n = await engine.Runner.RunBatchAsync(CancellationToken.None);
                Interlocked.Increment(ref batchCalls);
                if (n > 0)
                {
                    Interlocked.Add(ref claimed, n);
                    continue;
                }

                Interlocked.Increment(ref emptyCalls);

                if (Volatile.Read(ref startersDone) && Interlocked.Read(ref claimed) >= Interlocked.Read(ref started))
                {
                    return;
                }

                await engine.Signal.WaitAsync(pollInterval, CancellationToken.None);
            }
        })).ToList();

        long slots = 0;
        var starters = Enumerable.Range(0, starterCount).Select(_ => Task.Run(async () =>
        {
            while (!stopStarting.IsCancellationRequested)
            {
                if (pacedRate is { } rate)
                {
                    // Open-loop pacing: start number k is due at k / rate seconds after the window opened.
                    var due = TimeSpan.FromSeconds(Interlocked.Increment(ref slots) / (double)rate) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due);
                    }

                    if (stopStarting.IsCancellationRequested)
                    {
                        break;
                    }
                }

                var result = await engine.Runtime.StartAsync(TenantScope.All, BenchFlows.TenNodesId, new StartRequest(), CancellationToken.None);
                if (!result.Started)
                {
                    throw new InvalidOperationException($"StartAsync refused: {result.Reason}");
                }

                Interlocked.Increment(ref started);
            }
        })).ToList();

        // Per-second progress (started vs claimed) for the summary.
        var timeline = new JsonArray();
        var last = (Started: 0L, Claimed: 0L);
        stopStarting.CancelAfter(duration);
        while (!stopStarting.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = (Started: Interlocked.Read(ref started), Claimed: Interlocked.Read(ref claimed));
            timeline.Add(new JsonObject
            {
                ["t"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
                ["startedPerSecond"] = now.Started - last.Started,
                ["claimedPerSecond"] = now.Claimed - last.Claimed,
                ["backlog"] = now.Started - now.Claimed,
            });
            last = now;
        }

        await Task.WhenAll(starters);
        var windowEnd = DateTimeOffset.UtcNow;
        var window = clock.Elapsed.TotalSeconds;
        var startedTotal = Interlocked.Read(ref started);
        var backlogAtEnd = startedTotal - Interlocked.Read(ref claimed);
        Volatile.Write(ref startersDone, true);
        engine.Signal.Notify();
        var runnersDone = Task.WhenAll(runners);
        if (await Task.WhenAny(runnersDone, Task.Delay(TimeSpan.FromMinutes(10))) != runnersDone)
        {
            report.Line("runner loops did not finish the backlog within 10 minutes");
        }

        var total = clock.Elapsed.TotalSeconds;
        var split = cpu.Stop();
        var activity = await sampler.StopAsync();

        var windowStartMs = windowStart.ToUnixTimeMilliseconds();
        var windowEndMs = windowEnd.ToUnixTimeMilliseconds();
        var inWindow = await BenchPostgres.ScalarAsync<long>(cs,
            $"SELECT count(*) FROM flow_instances WHERE status = 'Completed' AND completed_at >= {windowStartMs} AND completed_at < {windowEndMs}");
        var latency = await BenchPostgres.RowAsync(cs, $"""
            SELECT count(*) AS n,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY completed_at - created_at) AS p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY completed_at - created_at) AS p90,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY completed_at - created_at) AS p99,
                   max(completed_at - created_at) AS max
            FROM flow_instances WHERE status = 'Completed' AND created_at >= {windowStartMs}
            """);
        var windowLatency = await BenchPostgres.RowAsync(cs, $"""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY completed_at - created_at) AS p50,
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY completed_at - created_at) AS p99
            FROM flow_instances WHERE status = 'Completed' AND created_at >= {windowStartMs + 2000} AND created_at < {windowEndMs - 1000}
            """);
        double D(object? v) => v is null ? double.NaN : Convert.ToDouble(v, CultureInfo.InvariantCulture);

        var startRate = startedTotal / window;
        var completionRate = inWindow / window;
        report.Line($"started {Fmt.N(startedTotal)} in {Fmt.S(window)} ({Fmt.N(startRate)} starts/s); completed within the window: {Fmt.N(inWindow)} " +
                    $"({Fmt.N(completionRate)} completions/s, {Fmt.N(completionRate * ActivitiesPerRun)} activity executions/s)");
        report.Line($"backlog when the starters stopped: {Fmt.N(backlogAtEnd)}; all {Fmt.N(startedTotal)} completed {Fmt.S(total - window)} later");
        var nonEmpty = Math.Max(1, batchCalls - emptyCalls);
        report.Line($"RunBatchAsync calls: {Fmt.N(batchCalls)} ({Fmt.N(emptyCalls)} claimed nothing); {(startedTotal + 0.0) / nonEmpty:0.0} instances per non-empty batch " +
                    $"(each claim is a transaction; each StartAsync notifies the WorkSignal, which wakes every idle loop)");
        report.Line($"start-to-complete latency (completed_at - created_at, all instances started in the window): p50 {Fmt.Ms(D(latency["p50"]))}, p90 {Fmt.Ms(D(latency["p90"]))}, " +
                    $"p99 {Fmt.Ms(D(latency["p99"]))}, max {Fmt.Ms(D(latency["max"]))}");
        report.Line($"  steady part only (created 2 s after the start to 1 s before the end of the window): p50 {Fmt.Ms(D(windowLatency["p50"]))}, p99 {Fmt.Ms(D(windowLatency["p99"]))}");
        report.Line("  (ms resolution: created_at is the start transaction's clock, completed_at the commit transaction's)");
        report.Line(split.Describe());
        report.Line(split.DescribePerUnit(startedTotal, "instance started and completed"));
        foreach (var line in activity.Describe())
        {
            report.Line(line);
        }

        var (ok, checks) = await VerifyAsync(report, cs, startedTotal + warmup, inMemorySplit: false);
        report.Set(key, new JsonObject
        {
            ["pacedStartsPerSecond"] = pacedRate,
            ["starters"] = starterCount,
            ["workers"] = workers,
            ["batchSize"] = batchSize,
            ["windowSeconds"] = Math.Round(window, 3),
            ["started"] = startedTotal,
            ["startsPerSecond"] = Math.Round(startRate, 1),
            ["completedInWindow"] = inWindow,
            ["windowCompletionsPerSecond"] = Math.Round(completionRate, 1),
            ["backlogAtWindowEnd"] = backlogAtEnd,
            ["drainAfterWindowSeconds"] = Math.Round(total - window, 3),
            ["runBatchCalls"] = batchCalls,
            ["emptyRunBatchCalls"] = emptyCalls,
            ["latencyMs"] = new JsonObject
            {
                ["p50"] = D(latency["p50"]),
                ["p90"] = D(latency["p90"]),
                ["p99"] = D(latency["p99"]),
                ["max"] = D(latency["max"]),
                ["steadyP50"] = D(windowLatency["p50"]),
                ["steadyP99"] = D(windowLatency["p99"]),
            },
            ["timeline"] = timeline,
            ["cpu"] = split.ToJson(),
            ["cpuPerInstance"] = split.PerUnitJson(startedTotal),
            ["pgActivity"] = activity.ToJson(),
            ["verification"] = checks,
            ["verified"] = ok,
        });
        return ok;
    }

    /// <summary>Every instance Completed, exactly 10 journal entries each, no step journaled twice.</summary>
    private static async Task<(bool Ok, JsonObject Checks)> VerifyAsync(Report report, string cs, long expected, bool inMemorySplit)
    {
        var row = await BenchPostgres.RowAsync(cs, """
            SELECT
              (SELECT count(*) FROM flow_instances) AS instances,
              (SELECT count(*) FROM flow_instances WHERE status = 'Completed') AS completed,
              (SELECT count(*) FROM flow_instances WHERE sequence <> 10) AS wrong_sequence,
              (SELECT count(*) FROM flow_journal) AS segments,
              (SELECT count(DISTINCT instance_id) FROM flow_journal) AS journaled_instances,
              (SELECT count(*) FROM (SELECT instance_id FROM flow_journal GROUP BY instance_id
                                     HAVING sum(last_sequence - first_sequence + 1) <> 10 OR min(first_sequence) <> 1 OR max(last_sequence) <> 10) x) AS wrong_entry_count,
              (SELECT coalesce(sum(json_array_length(entries::json)), 0) FROM flow_journal) AS entries_in_json,
              (SELECT count(*) FROM (SELECT j.instance_id, e->>'nodeId' FROM flow_journal j, json_array_elements(j.entries::json) e
                                     GROUP BY 1, 2 HAVING count(*) > 1) d) AS duplicate_node_runs,
              (SELECT count(*) FROM flow_variant_assignments) AS variant_assignments
            """);
        long L(string k) => Convert.ToInt64(row[k], CultureInfo.InvariantCulture);
        var ok = L("instances") == expected && L("completed") == expected && L("wrong_sequence") == 0 && L("segments") == expected
                 && L("journaled_instances") == expected && L("wrong_entry_count") == 0 && L("entries_in_json") == expected * ActivitiesPerRun
                 && L("duplicate_node_runs") == 0 && (L("variant_assignments") == expected || (inMemorySplit && L("variant_assignments") == 0));
        report.Line($"verify: {L("completed")}/{L("instances")} Completed (expected {expected}); journal: {L("segments")} segments, " +
                    $"{L("entries_in_json")} entries, {L("wrong_entry_count")} instances without exactly 10 (seq 1..10), " +
                    $"{L("duplicate_node_runs")} node runs journaled twice; {L("variant_assignments")} A/B assignments recorded -> {(ok ? "OK" : "FAILED")}");
        var checks = new JsonObject();
        foreach (var (k, v) in row)
        {
            checks[k] = Convert.ToInt64(v, CultureInfo.InvariantCulture);
        }

        return (ok, checks);
    }
}
