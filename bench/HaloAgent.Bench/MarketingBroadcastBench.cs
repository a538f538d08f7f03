using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Bench;

/// <summary>
/// A broadcast with pacing off on one node: N consenting WhatsApp customers, an approved template, a segment on their
/// tag, schedule now; then the time until every recipient is queued on the outbox and until the fake Graph API has
/// received every template, the send rate, the server's CPU per send, and exactly-once (no duplicate, none missed).
/// </summary>
public static class MarketingBroadcastBench
{
    public const string Template = "bench_offer";

    public static async Task<bool> RunAsync(
        Report report, HttpClient owner, ServerProcess server, BenchPostgres pg, string cs, FakeGraphServer graph, string account,
        string businessId, int recipients, TimeSpan timeout)
    {
        report.Section($"broadcast: {Fmt.N(recipients)} consenting WhatsApp customers, template '{Template}', pacing off (SendsPerSecond 100,000, no quiet hours), one node");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await MarketingSeed.BroadcastContactsAsync(cs, businessId, recipients, now);
        await BenchPostgres.ExecuteAsync(cs, "ANALYZE contacts");
        graph.SetTemplate(account, Template, "en", "APPROVED", "MARKETING", "Hello {{1}}!");
        await owner.PostJsonAsync("/api/templates/whatsapp/sync", null);
        var segment = await owner.PostJsonAsync("/api/segments", new
        {
            name = "Bench customers",
            filter = new { match = "all", conditions = new object[] { new { field = "tag", op = "has", value = MarketingSeed.BroadcastTag } } },
        });
        var input = new { name = "Bench offer", segmentId = (string)segment!["id"]!, templateName = Template, fallbackLanguage = "en", parameters = new[] { "{name}" } };
        var preflight = await owner.PostJsonAsync("/api/broadcasts/preflight", input);
        var id = (string)(await owner.PostJsonAsync("/api/broadcasts", input))!["id"]!;
        report.Line($"seeded {Fmt.N(recipients)} contacts tagged |{MarketingSeed.BroadcastTag}|; pre-flight: audience {preflight!["audience"]}, will send {preflight["willSend"]}; broadcast {id}");

        var expected = Enumerable.Range(1, recipients).Select(g => (2347700000000L + g).ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        var graphBefore = graph.SentCount;
        var cpu = CpuMeter.Start(server.Pid, pg.PostmasterPid);
        var selfCpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using var sampler = PgActivitySampler.Start(cs);
        var scheduledAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await owner.PostJsonAsync($"/api/broadcasts/{id}/schedule", new { });

        double? materialized = null, allQueued = null, allSent = null;
        var nextLine = 5.0;
        while (clock.Elapsed < timeout && !server.HasExited)
        {
            var (rows, pending, queued) = await RecipientCountsAsync(cs, id);
            var sent = graph.SentCount - graphBefore;
            var at = clock.Elapsed.TotalSeconds;
            materialized ??= rows >= recipients ? at : null;
            allQueued ??= rows >= recipients && pending == 0 ? at : null;
            allSent ??= sent >= recipients ? at : null;
            if (at >= nextLine)
            {
                report.Line($"  +{at,5:0.0} s: recipient rows {Fmt.N(rows)}, pending {Fmt.N(pending)}, queued or later {Fmt.N(queued)}; Graph received {Fmt.N(sent)}");
                nextLine += 5;
            }

            if (allSent is not null && allQueued is not null)
            {
                break;
            }

            await Task.Delay(50);
        }

        var split = cpu.Stop();
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - selfCpu).TotalSeconds;
        var activity = await sampler.StopAsync();

        // Exactly once: every template the fake accepted for this broadcast, by recipient.
        var templates = graph.Sent.Where(r => r.Type == "template" && r.Text == Template).ToList();
        var byRecipient = templates.GroupBy(r => r.To ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var duplicated = byRecipient.Count(kv => kv.Value > 1);
        var missed = expected.Count(w => !byRecipient.ContainsKey(w));
        var unexpected = byRecipient.Keys.Count(w => !expected.Contains(w));
        var first = templates.Count == 0 ? scheduledAt : templates.Min(r => r.ReceivedAt);
        var last = templates.Count == 0 ? scheduledAt : templates.Max(r => r.ReceivedAt);
        var db = await BenchPostgres.RowAsync(cs, $"""
            SELECT b.started_at, (SELECT min(queued_at) FROM marketing_broadcast_recipients WHERE broadcast_id = b.id) AS first_queued,
                   (SELECT max(queued_at) FROM marketing_broadcast_recipients WHERE broadcast_id = b.id) AS last_queued,
                   (SELECT count(*) FROM outbound_messages WHERE idempotency_key LIKE 'bc:' || b.id || ':%') AS outbox_rows,
                   (SELECT count(*) FROM outbound_messages WHERE idempotency_key LIKE 'bc:' || b.id || ':%' AND status = 'sent') AS outbox_sent
            FROM marketing_broadcasts b WHERE b.id = '{id}'
            """);
        long Ms(string key) => db[key] is null ? 0 : Convert.ToInt64(db[key], CultureInfo.InvariantCulture);
        var status = await WaitCompletedAsync(owner, id);

        var scheduledMs = scheduledAt.ToUnixTimeMilliseconds();
        var steady = (last - first).TotalSeconds;
        var endToEnd = (last - scheduledAt).TotalSeconds;
        var rate = templates.Count / Math.Max(0.001, endToEnd);
        var steadyRate = templates.Count > 1 ? (templates.Count - 1) / Math.Max(0.001, steady) : 0;
        var met = rate >= 2000;
        var exact = duplicated == 0 && missed == 0 && unexpected == 0;
        report.Line($"schedule -> sending started (recipient rows written): {Fmt.S((Ms("started_at") - scheduledMs) / 1000.0)} (server clock); all {Fmt.N(recipients)} rows seen after {Describe(materialized)}");
        report.Line($"schedule -> all recipients queued on the outbox: {Describe(allQueued)} (queued_at first +{Fmt.S((Ms("first_queued") - scheduledMs) / 1000.0)}, last +{Fmt.S((Ms("last_queued") - scheduledMs) / 1000.0)})");
        report.Line($"schedule -> the fake Graph received all {Fmt.N(recipients)}: {Describe(allSent)} (first template +{Fmt.S((first - scheduledAt).TotalSeconds)}, last +{Fmt.S(endToEnd)})");
        report.Line($"send rate: {Fmt.N(rate)} sends/s schedule -> last send; {Fmt.N(steadyRate)} sends/s first -> last send  [goal >= 2,000/s: {(met ? "met" : "MISSED")}]");
        report.Line($"outbox rows for the broadcast {Fmt.N(Ms("outbox_rows"))} (sent {Fmt.N(Ms("outbox_sent"))}); broadcast status {status}");
        var statuses = await TrackedStatusesAsync(cs, id);
        report.Line($"recipient statuses once the tracker caught up (it reads the outbox every 3 s): {string.Join(", ", statuses.Select(s => $"{s.Key} {Fmt.N(s.Count)}"))}");
        report.Line($"exactly once: templates received {Fmt.N(templates.Count)}, distinct recipients {Fmt.N(byRecipient.Count)}: duplicated {Fmt.N(duplicated)}, missed {Fmt.N(missed)}, unexpected {Fmt.N(unexpected)}  [goal 0/0: {(exact ? "met" : "MISSED")}]");
        report.Line(split.Describe("server") + $"; bench process (fake Graph) {(100 * clientCpu / Math.Max(0.001, split.WallSeconds * split.Cores)):0}%");
        report.Line(split.DescribePerUnit(templates.Count, "send", "server"));
        report.Line("PostgreSQL backends of the database, sampled every 100 ms (state; top statements):");
        foreach (var line in activity.Describe(8))
        {
            report.Line("  " + line);
        }

        report.Set("broadcast", new JsonObject
        {
            ["recipients"] = recipients,
            ["broadcastId"] = id,
            ["status"] = status,
            ["startedAfterSeconds"] = Math.Round((Ms("started_at") - scheduledMs) / 1000.0, 3),
            ["allQueuedSeconds"] = allQueued is { } q ? Math.Round(q, 3) : null,
            ["allSentSeconds"] = allSent is { } s ? Math.Round(s, 3) : null,
            ["firstSendSeconds"] = Math.Round((first - scheduledAt).TotalSeconds, 3),
            ["lastSendSeconds"] = Math.Round(endToEnd, 3),
            ["sendsPerSecond"] = Math.Round(rate, 1),
            ["steadySendsPerSecond"] = Math.Round(steadyRate, 1),
            ["templatesReceived"] = templates.Count,
            ["duplicated"] = duplicated,
            ["missed"] = missed,
            ["unexpected"] = unexpected,
            ["cpu"] = split.ToJson(),
            ["cpuPerSend"] = split.PerUnitJson(templates.Count),
            ["benchProcessCoreSeconds"] = Math.Round(clientCpu, 2),
            ["postgresActivity"] = activity.ToJson(),
            ["goalMet"] = met,
        });
        return met && exact;
    }

    private static string Describe(double? seconds) => seconds is { } s ? Fmt.S(s) : "NOT reached";

    /// <summary>Recipient rows of the broadcast: all, still pending, queued or further along.</summary>
    private static async Task<(long Rows, long Pending, long Queued)> RecipientCountsAsync(string cs, string id)
    {
        var row = await BenchPostgres.RowAsync(cs, $"""
            SELECT count(*) AS rows, count(*) FILTER (WHERE status = 'pending') AS pending,
                   count(*) FILTER (WHERE status IN ('queued', 'sent', 'delivered', 'read')) AS queued
            FROM marketing_broadcast_recipients WHERE broadcast_id = '{id}'
            """);
        long L(string k) => Convert.ToInt64(row[k], CultureInfo.InvariantCulture);
        return (L("rows"), L("pending"), L("queued"));
    }

    /// <summary>Recipient statuses by count, after waiting (up to 15 s) for none to be left at "queued".</summary>
    private static async Task<List<(string Key, long Count)>> TrackedStatusesAsync(string cs, string id)
    {
        var clock = Stopwatch.StartNew();
        var sql = $"SELECT status, count(*) FROM marketing_broadcast_recipients WHERE broadcast_id = '{id}' GROUP BY status ORDER BY status";
        var statuses = await BenchPostgres.GroupsAsync(cs, sql);
        while (statuses.Any(s => s.Key == "queued") && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(500);
            statuses = await BenchPostgres.GroupsAsync(cs, sql);
        }

        return statuses;
    }

    private static async Task<string> WaitCompletedAsync(HttpClient owner, string id)
    {
        var clock = Stopwatch.StartNew();
        string status;
        do
        {
            status = (string?)(await owner.GetJsonAsync($"/api/broadcasts/{id}"))!["status"] ?? "?";
            if (status == "completed")
            {
                break;
            }

            await Task.Delay(250);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(30));

        return status;
    }
}
