using HaloAgent.Chaos.Fuzz;
using HaloAgent.Testing;
using Xunit.Abstractions;

namespace HaloAgent.Chaos;

/// <summary>
/// The structure-aware fuzzer's CI form: a fixed seed and a bounded number of cases against one real server process.
/// A few flows are chains of up to 30,000 nodes (one crashed the process before issue 10 item 1's limits).
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const int Seed = 20261206;

    [Fact]
    public async Task Mutated_webhooks_flows_templates_and_csv_never_crash_the_server_nor_answer_5xx()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("chaos_fuzz");
        var report = await FuzzScenario.RunAsync(database, cases: 2100, Seed, CancellationToken.None);
        output.WriteLine(report.ToString());
        report.Alive.ShouldBeTrue(report.ToString());
        report.Cases.ShouldBe(2100);
        report.ServerErrors.ShouldBe(0, report.ToString());
        report.EndWorkingSetMiB.ShouldBeLessThan(1024, "working set after the run (MiB)");
    }
}
