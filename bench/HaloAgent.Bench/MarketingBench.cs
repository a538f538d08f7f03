using System.Text.Json.Nodes;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Bench;

/// <summary>
/// The marketing module on one node with PostgreSQL (issue 13): segment counting over N contacts
/// (<see cref="MarketingSegmentsBench"/>), then a broadcast's send rate with pacing off to a loopback fake Graph API
/// (<see cref="MarketingBroadcastBench"/>). One server process on one fresh database serves both.
/// </summary>
public static class MarketingBench
{
    private const string Account = "bench-waba";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var contacts = (int)args.Number("contacts", 100_000);
        var runs = (int)args.Number("runs", 20);
        var warmup = (int)args.Number("warmup", 3);
        var recipients = (int)args.Number("recipients", 10_000);
        var timeout = TimeSpan.FromSeconds(args.Number("max-seconds", 900));
        var only = args.Text("only");
        var report = new Report("marketing");
        report.Line($"marketing: segment counts over {Fmt.N(contacts)} contacts, broadcast to {Fmt.N(recipients)}; {Machine.OneLine()}");
        report.Set("config", new JsonObject { ["contacts"] = contacts, ["runs"] = runs, ["warmup"] = warmup, ["recipients"] = recipients, ["only"] = only, ["jitOff"] = args.Flag("jit-off") });
        if (!args.Flag("skip-server-build"))
        {
            await ServerProcess.BuildAsync(report);
        }

        await using var pg = await BenchPostgres.StartAsync();
        var cs = await pg.CreateDatabaseAsync("bench_marketing");
        var settings = await BenchPostgres.SettingsAsync(cs);
        report.Set("postgres", settings);
        report.Line(BenchPostgres.DescribeSettings(settings));
        if (args.Flag("jit-off"))
        {
            // PostgreSQL JIT-compiles any query whose estimate passes jit_above_cost (100,000): a segment's correlated
            // subquery over 100,000 contacts does, and pays ~0.5 s of compilation per call on this machine.
            await BenchPostgres.ExecuteAsync(cs, $"ALTER DATABASE \"{BenchPostgres.DatabaseName(cs)}\" SET jit = off");
            report.Line("--jit-off: ALTER DATABASE ... SET jit = off (for every connection the server opens)");
        }


        await using var graph = await FakeGraphServer.StartAsync();
        var environment = new Dictionary<string, string>(OwnerClient.Environment())
        {
            ["WhatsApp__AppSecret"] = "bench-app-secret",
            ["WhatsApp__VerifyToken"] = "x",
            ["WhatsApp__GraphBaseUrl"] = graph.BaseUrl,
            ["WhatsApp__PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp__AccessToken"] = graph.AccessToken,
            ["WhatsApp__BusinessAccountId"] = Account,
            ["WhatsApp__PairSpacing"] = "00:00:00",
            ["WhatsApp__MessagesPerSecond"] = "100000",
            // Pacing off: no token bucket to speak of, no quiet hours (the same start and end), limits out of the way.
            ["HaloAgent__Marketing__SendsPerSecond"] = "100000",
            ["HaloAgent__Marketing__QuietHoursStart"] = "00:00:00",
            ["HaloAgent__Marketing__QuietHoursEnd"] = "00:00:00",
            ["HaloAgent__Marketing__MessagingLimit"] = "1000000",
            ["HaloAgent__Marketing__FrequencyCap"] = "100",
        };
        report.Line("server: " + string.Join(", ", environment.Where(e => e.Key.Contains("Marketing", StringComparison.Ordinal) || e.Key.EndsWith("PerSecond", StringComparison.Ordinal) || e.Key.EndsWith("Spacing", StringComparison.Ordinal)).Select(e => $"{e.Key}={e.Value}")));

        var logPath = Path.Combine(report.ResultsDirectory, $"marketing-{report.Stamp}-server.log");
        await using var server = ServerProcess.Start(cs, logPath, environment);
        var healthy = await server.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        report.Line($"server healthy after {Fmt.S(healthy.TotalSeconds)} (migrated and seeded the demo business); fake Graph API at {graph.BaseUrl}");
        using var owner = await OwnerClient.SignInAsync(server.Port);
        var businessIds = await BenchPostgres.GroupsAsync(cs, "SELECT id, 1 FROM businesses");
        if (businessIds.Count != 1)
        {
            throw new InvalidOperationException($"Expected the demo business alone, found {businessIds.Count} businesses.");
        }

        var businessId = businessIds[0].Key;
        var ok = true;
        if (only is null or "segments")
        {
            ok &= await MarketingSegmentsBench.RunAsync(report, owner, cs, businessId, contacts, runs, warmup);
        }

        if (only is null or "broadcast")
        {
            ok &= await MarketingBroadcastBench.RunAsync(report, owner, server, pg, cs, graph, Account, businessId, recipients, timeout);
        }

        var (rss, peak) = server.Memory();
        report.Line();
        report.Line($"server memory: RSS {Fmt.N(rss)} MiB, peak {Fmt.N(peak)} MiB; log {Path.GetRelativePath(Paths.RepoRoot, logPath)}");
        report.Save();
        return ok ? 0 : 3;
    }
}
