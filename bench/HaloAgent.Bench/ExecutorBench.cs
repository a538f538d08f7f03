using System.Diagnostics;
using System.Globalization;
using HaloAgent.Engine;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HaloAgent.Bench;

/// <summary>
/// The engine core alone, in process, no I/O: one compiled 10-activity flow, <see cref="FlowExecutor.RunAsync"/> on fresh
/// <see cref="FlowInstanceState"/> objects, first on one thread, then on every core. Nothing is persisted.
/// </summary>
public static class ExecutorBench
{
    private const int ActivitiesPerRun = 10;

    public static Task<int> RunAsync(BenchArgs args)
    {
        var parallelRuns = args.Number("iterations", 1_000_000);
        var singleRuns = args.Number("single", 200_000);
        var report = new Report("executor");
        report.Line($"executor: {Machine.OneLine()}");

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddHaloEngineCore(); // default HashingVariantAssigner, no runtime
        using var provider = services.BuildServiceProvider();
        var compiler = provider.GetRequiredService<FlowCompiler>();
        var executor = provider.GetRequiredService<FlowExecutor>();
        var flow = compiler.Compile(FlowJson.Deserialize(BenchFlows.TenNodes), 1);
        var startNode = flow.StartNodes[0].Id;
        report.Line($"flow '{flow.FlowId}': {flow.Definition.Nodes.Count} nodes ({string.Join(", ", flow.Definition.Nodes.Select(n => n.Type))})");

        // Distinct instance ids (prepared up front, not counted) so the Split hashes different subjects.
        var ids = Enumerable.Range(0, 65_536).Select(i => $"inst-{i:x8}").ToArray();

        void RunOne(long i)
        {
            var state = new FlowInstanceState { Id = ids[i & 0xFFFF], FlowId = flow.FlowId, Version = 1, CurrentNodeId = startNode };
            var task = executor.RunAsync(flow, state, null, CancellationToken.None);
            var result = task.IsCompletedSuccessfully ? task.Result : task.GetAwaiter().GetResult();
            if (result.State.Status != InstanceStatus.Completed || result.Journal.Count != ActivitiesPerRun)
            {
                throw new InvalidOperationException(
                    $"Run {i} ended {result.State.Status} after {result.Journal.Count} steps (expected Completed after {ActivitiesPerRun}): {result.State.Incident?.Message}");
            }
        }

        // Check the path once, then warm up (tiered JIT, PGO) on one thread and on all.
        {
            var state = new FlowInstanceState { Id = "check", FlowId = flow.FlowId, Version = 1, CurrentNodeId = startNode };
            var result = executor.RunAsync(flow, state, null, CancellationToken.None).GetAwaiter().GetResult();
            report.Line($"one run: {result.State.Status}, {result.Journal.Count} journal entries: {string.Join(" > ", result.Journal.Select(j => $"{j.NodeId}:{j.Outcome}"))}");
            report.Line($"variables after the run: {string.Join(", ", result.State.Variables.Select(v => $"{v.Key}={v.Value}"))}");
        }

        for (var i = 0; i < 50_000; i++)
        {
            RunOne(i);
        }

        Parallel.For(0L, 100_000L, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, RunOne);
        Thread.Sleep(500); // let tier-1 recompilation settle

        report.Section($"single thread, {Fmt.N(singleRuns)} runs");
        var single = Measure(singleRuns, n =>
        {
            for (var i = 0L; i < n; i++)
            {
                RunOne(i);
            }
        });
        Print(report, "single", single);

        report.Section($"all cores (Parallel.For, MaxDegreeOfParallelism = {Environment.ProcessorCount}), {Fmt.N(parallelRuns)} runs");
        var parallel = Measure(parallelRuns, n =>
            Parallel.For(0L, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, RunOne));
        Print(report, "parallel", parallel);

        report.Section("anchor");
        report.Line("n8n: ~220 executions/s on one instance (figure given in the brief; n8n itself does not install on this machine,");
        report.Line("see ../shared/DEPENDENCIES.md). The figures above are the in-memory engine core with nothing persisted.");
        report.Line($"activity executions/s on all cores: {Fmt.N(parallel.Runs * ActivitiesPerRun / parallel.Seconds)} " +
                    $"= {Fmt.N(parallel.Runs * ActivitiesPerRun / parallel.Seconds / 220, 0)}x the n8n anchor");
        report.Save();
        return Task.FromResult(0);
    }

    private static Measurement Measure(long runs, Action<long> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var meter = CpuMeter.Start(Environment.ProcessId, null);
        var clock = Stopwatch.StartNew();
        body(runs);
        clock.Stop();
        var split = meter.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new Measurement(runs, clock.Elapsed.TotalSeconds, cpuUsed.TotalSeconds, bytes,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, split);
    }

    private static void Print(Report report, string key, Measurement m)
    {
        var runsPerSecond = m.Runs / m.Seconds;
        report.Line($"flow runs/s:            {Fmt.N(runsPerSecond)}");
        report.Line($"activity executions/s:  {Fmt.N(runsPerSecond * ActivitiesPerRun)}");
        report.Line($"per run:                {(1e6 * m.Seconds / m.Runs).ToString("0.00", CultureInfo.InvariantCulture)} us wall, " +
                    $"{(1e6 * m.CpuSeconds / m.Runs).ToString("0.00", CultureInfo.InvariantCulture)} us CPU, {Fmt.N(m.Bytes / (double)m.Runs)} bytes allocated " +
                    $"({Fmt.N(m.Bytes / (double)m.Runs / ActivitiesPerRun)} per activity)");
        report.Line($"elapsed {Fmt.S(m.Seconds)}, CPU {Fmt.S(m.CpuSeconds)}, GCs gen0/1/2: {m.Gen0}/{m.Gen1}/{m.Gen2}");
        report.Line(m.Cpu.Describe("bench") + "  (other = other processes on this shared machine)");
        report.Set($"{key}.cpu", m.Cpu.ToJson());
        report.Set($"{key}.runs", m.Runs);
        report.Set($"{key}.seconds", Math.Round(m.Seconds, 3));
        report.Set($"{key}.cpuSeconds", Math.Round(m.CpuSeconds, 3));
        report.Set($"{key}.flowRunsPerSecond", Math.Round(runsPerSecond));
        report.Set($"{key}.activityExecutionsPerSecond", Math.Round(runsPerSecond * ActivitiesPerRun));
        report.Set($"{key}.bytesAllocatedPerRun", Math.Round(m.Bytes / (double)m.Runs));
        report.Set($"{key}.gcCounts", $"{m.Gen0}/{m.Gen1}/{m.Gen2}");
    }

    private sealed record Measurement(long Runs, double Seconds, double CpuSeconds, long Bytes, int Gen0, int Gen1, int Gen2, CpuSplit Cpu);
}
