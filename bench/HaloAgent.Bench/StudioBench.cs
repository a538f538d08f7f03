using System.Globalization;
using System.Text.Json.Nodes;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;

namespace HaloAgent.Bench;

/// <summary>
/// The designer with a 200-node flow in headless Chromium, against the real server serving the built Studio: signs in
/// as the demo owner, opens <c>/studio/dev/perf</c> (which generates, lays out and mounts the flow, then pans it for
/// 120 frames) and reads the page's own measurements (<c>window.__haloPerf</c>). Each run is a fresh page.
/// The server serves <c>src/HaloAgent.Studio/dist</c> itself (<c>HaloAgent:Studio:Path</c>), not the copy in its
/// wwwroot, so the figures are for the Studio as last built by <c>npm run build</c>; the report names that build.
/// </summary>
public static class StudioBench
{
    private const string OwnerEmail = "owner@bench.test";
    private const string OwnerPassword = "bench-owner-password";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var runs = (int)args.Number("runs", 5);
        var report = new Report("studio");
        report.Line($"studio: 200-node designer, {runs} page loads; {Machine.OneLine()}");
        if (!args.Flag("skip-server-build"))
        {
            await ServerProcess.BuildAsync(report); // builds the Studio too when its sources changed
        }

        var dist = Path.Combine(Paths.RepoRoot, "src", "HaloAgent.Studio", "dist");
        report.Line(DescribeStudioBuild(dist));

        await using var pg = await BenchPostgres.StartAsync();
        var cs = await pg.CreateDatabaseAsync("bench_studio");
        await using var server = ServerProcess.Start(cs, Path.Combine(report.ResultsDirectory, $"studio-{report.Stamp}-server.log"), new Dictionary<string, string>
        {
            ["Demo__OwnerEmail"] = OwnerEmail,
            ["Demo__OwnerPassword"] = OwnerPassword,
            ["HaloAgent__Studio__Path"] = dist,
            ["HaloAgent__Studio__DevTools"] = "true", // the perf page is a developer tool, off by default
        });
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        var root = $"http://127.0.0.1:{server.Port.ToString(CultureInfo.InvariantCulture)}";

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var login = await context.APIRequest.PostAsync($"{root}/api/auth/login", new APIRequestContextOptions { DataObject = new { email = OwnerEmail, password = OwnerPassword } });
        if (login.Status != 200)
        {
            throw new InvalidOperationException($"Sign-in failed with {login.Status}: {await login.TextAsync()}");
        }

        var results = new List<JsonObject>();
        for (var run = 1; run <= runs; run++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{root}/studio/dev/perf");
            await page.WaitForFunctionAsync("() => window.__haloPerf !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
            var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__haloPerf)");
            var result = JsonNode.Parse(json)!.AsObject();
            results.Add(result);
            report.Line($"run {run}: {result["nodes"]} nodes, {result["edges"]} edges: first render {Ms(result, "firstRenderMs")} (of which prepare {Ms(result, "prepareMs")}, layout {Ms(result, "layoutMs")}; " +
                        $"{Ms(result, "navFirstRenderMs")} from navigation start; {result["nodesRendered"]} nodes and {result["edgesRendered"]} edges in view rendered); " +
                        $"panning frame avg {Ms(result, "panFrameAvgMs")}, p95 {Ms(result, "panFrameP95Ms")}, max {Ms(result, "panFrameMaxMs")}");
            await page.CloseAsync();
        }

        var first = results.Select(r => r["firstRenderMs"]!.GetValue<double>()).Order().ToList();
        report.Line($"first render median {first[first.Count / 2]:0} ms (min {first[0]:0}, max {first[^1]:0})  [goal < 1,000 ms: {(first[first.Count / 2] < 1000 ? "met" : "MISSED")}]");
        var nav = results.Select(r => r["navFirstRenderMs"]?.GetValue<double>() ?? double.NaN).Order().ToList();
        var panAvg = results.Select(r => r["panFrameAvgMs"]!.GetValue<double>()).Order().ToList();
        var panP95 = results.Select(r => r["panFrameP95Ms"]!.GetValue<double>()).Order().ToList();
        report.Line($"from navigation start median {nav[nav.Count / 2]:0} ms (min {nav[0]:0}, max {nav[^1]:0}); panning frame avg {panAvg[0]:0.0}–{panAvg[^1]:0.0} ms, p95 {panP95[0]:0.0}–{panP95[^1]:0.0} ms; " +
                    $"load average at the end {LoadAverage()}");
        report.Set("runs", new JsonArray(results.Select(r => (JsonNode)r.DeepClone()).ToArray()));
        report.Save();
        return 0;
    }

    private static string Ms(JsonObject result, string key) => result[key] is { } value ? $"{value.GetValue<double>():0.0} ms" : "n/a";

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>Which build is measured: its entry script and when it was built, and whether sources are newer.</summary>
    private static string DescribeStudioBuild(string dist)
    {
        var index = Path.Combine(dist, "index.html");
        if (!File.Exists(index))
        {
            throw new InvalidOperationException($"The Studio is not built ({dist}): run npm run build in src/HaloAgent.Studio (or drop --skip-server-build).");
        }

        var built = File.GetLastWriteTimeUtc(index);
        var entry = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(index), @"src=""(/assets/[^""]+\.js)""").Groups[1].Value;
        var sources = Path.Combine(Paths.RepoRoot, "src", "HaloAgent.Studio", "src");
        var newer = Directory.EnumerateFiles(sources, "*", SearchOption.AllDirectories).Count(f => File.GetLastWriteTimeUtc(f) > built);
        return $"Studio measured: {dist} (entry {entry}, built {built:yyyy-MM-dd HH:mm:ss} UTC)" +
               (newer > 0 ? $"; WARNING: {newer} source file(s) changed since, run npm run build" : "; no source changed since");
    }
}
