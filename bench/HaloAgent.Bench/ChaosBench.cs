using System.Text.Json.Nodes;
using HaloAgent.Chaos;
using HaloAgent.Chaos.Fuzz;

namespace HaloAgent.Bench;

/// <summary>
/// The long forms of the fault, multi-node and fuzz scenarios (tests/HaloAgent.Chaos runs the short ones in CI; the
/// scenario code is the same source, linked into this project). Each scenario prints its counts (lost, duplicated,
/// double-fired), recovery time and log; the command fails (exit 3) when any count is not zero.
/// </summary>
public static class ChaosBench
{
    private static readonly string[] All = ["conversation", "broadcast", "timers", "postgres", "graph", "llm", "multinode", "fuzz"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var which = args.Text("scenario") ?? "all";
        var scenarios = which == "all" ? All : which.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = scenarios.Where(s => !All.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"unknown scenario(s) {string.Join(", ", unknown)}: use {string.Join(", ", All)} or all");
            return 1;
        }

        var report = new Report("chaos");
        report.Line($"chaos: {string.Join(", ", scenarios)}; {Machine.OneLine()}");
        if (!args.Flag("skip-server-build"))
        {
            await ServerProcess.BuildAsync(report);
        }

        await using var pg = await BenchPostgres.StartAsync();
        var customers = (int)args.Number("customers", 200);
        var turns = (int)args.Number("turns", 5);
        var failed = 0;
        var results = new JsonArray();
        foreach (var scenario in scenarios)
        {
            var cs = await pg.CreateDatabaseAsync("bench_chaos_" + scenario);
            report.Section(scenario);
            if (scenario == "fuzz")
            {
                var fuzz = await FuzzScenario.RunAsync(cs, (int)args.Number("cases", 20_000), (int)args.Number("seed", 20261206), CancellationToken.None);
                foreach (var line in fuzz.ToString().Split('\n'))
                {
                    report.Line(line);
                }

                failed += fuzz.Alive && fuzz.ServerErrors == 0 ? 0 : 1;
                results.Add(new JsonObject
                {
                    ["scenario"] = "fuzz", ["cases"] = fuzz.Cases, ["serverErrors"] = fuzz.ServerErrors, ["alive"] = fuzz.Alive,
                    ["seconds"] = Math.Round(fuzz.Seconds, 1), ["peakWorkingSetMiB"] = Math.Round(fuzz.PeakWorkingSetMiB), ["endWorkingSetMiB"] = Math.Round(fuzz.EndWorkingSetMiB),
                });
                continue;
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = scenario switch
            {
                "conversation" => await KillScenarios.MidConversationAsync(cs, customers, turns, CancellationToken.None),
                "broadcast" => await KillScenarios.MidBroadcastAsync(cs, (int)args.Number("contacts", 2000), (int)args.Number("rate", 80), CancellationToken.None),
                "timers" => await KillScenarios.MidTimerBurstAsync(cs, (int)args.Number("timers", 20_000), TimeSpan.FromSeconds(args.Number("delay-seconds", 20)), CancellationToken.None),
                "postgres" => await DependencyScenarios.PostgresRestartAsync(customers, turns, CancellationToken.None),
                "graph" => await DependencyScenarios.GraphOutageAsync(cs, customers, turns, TimeSpan.FromSeconds(args.Number("outage-seconds", 60)), CancellationToken.None),
                "llm" => await DependencyScenarios.LlmTimeoutAsync(cs, (int)args.Number("llm-customers", 50), 2, TimeSpan.FromSeconds(args.Number("llm-timeout-seconds", 8)), CancellationToken.None),
                _ => await MultiNodeScenario.RunAsync(cs, (int)args.Number("nodes", 3), (int)args.Number("conversations", 1000), (int)args.Number("multinode-turns", 2), CancellationToken.None, killOne: args.Flag("kill-one")),
            };
            foreach (var line in result.ToString().Split('\n'))
            {
                report.Line(line);
            }

            report.Line($"({clock.Elapsed.TotalSeconds:0} s wall time; load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
            failed += result.Problems.Count == 0 ? 0 : 1;
            var figures = new JsonObject(result.Figures.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
            results.Add(new JsonObject
            {
                ["scenario"] = scenario, ["summary"] = result.Summary, ["lost"] = result.Lost, ["duplicated"] = result.Duplicated,
                ["doubleFired"] = result.DoubleFired, ["recoverySeconds"] = result.RecoverySeconds, ["figures"] = figures,
                ["problems"] = new JsonArray(result.Problems.Select(p => (JsonNode?)p).ToArray()),
            });
        }

        report.Set("scenarios", results);
        report.Save();
        return failed == 0 ? 0 : 3;
    }
}
