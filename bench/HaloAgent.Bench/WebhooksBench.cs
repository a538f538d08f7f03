using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using HaloAgent.Testing.FakeGraph;
using Npgsql;

namespace HaloAgent.Bench;

/// <summary>
/// WhatsApp webhook ingest on one node with PostgreSQL: the real server process, a fake Meta Graph API, and an
/// open-loop paced client sending signed one-message webhooks at R/s for D s (1% of them delivered twice). Reports
/// ack latency, lost/duplicated messages after the backlog drains, inbound-to-reply-queued latency with the built-in
/// NLU, and the CPU split between server, PostgreSQL and the client.
/// </summary>
public static class WebhooksBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rate = (int)args.Number("rate", 1000);
        var seconds = (int)args.Number("seconds", 60);
        var senders = (int)args.Number("senders", 2000);
        var dispatchers = (int)args.Number("dispatchers", 4);
        var connections = (int)args.Number("connections", 64);
        var drainTimeout = TimeSpan.FromSeconds(args.Number("drain-seconds", 600));
        var warmupSeconds = (int)args.Number("warmup-seconds", 0);
        var count = rate * seconds;
        var report = new Report("webhooks");
        report.Line($"webhooks: {Fmt.N(rate)} msg/s for {seconds} s = {Fmt.N(count)} webhooks (1% redeliveries) from {Fmt.N(senders)} customers; {Machine.OneLine()}");
        report.Set("config", new JsonObject { ["rate"] = rate, ["seconds"] = seconds, ["senders"] = senders, ["dispatchers"] = dispatchers, ["maxConnectionsPerServer"] = connections, ["warmupSeconds"] = warmupSeconds });

        if (!args.Flag("skip-server-build"))
        {
            await ServerProcess.BuildAsync(report);
        }

        await using var pg = await BenchPostgres.StartAsync();
        var cs = await pg.CreateDatabaseAsync("bench_webhooks");
        var settings = await BenchPostgres.SettingsAsync(cs);
        report.Set("postgres", settings);
        report.Line(BenchPostgres.DescribeSettings(settings));

        await using var graph = await FakeGraphServer.StartAsync();
        var secret = "bench-app-secret-" + Guid.NewGuid().ToString("N")[..8];
        var environment = new Dictionary<string, string>
        {
            ["WhatsApp__AppSecret"] = secret,
            ["WhatsApp__VerifyToken"] = "x",
            ["WhatsApp__GraphBaseUrl"] = graph.BaseUrl,
            ["WhatsApp__PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp__AccessToken"] = graph.AccessToken,
            ["WhatsApp__PairSpacing"] = "00:00:00",
            ["WhatsApp__MessagesPerSecond"] = "1000",
        };

        var buildClock = Stopwatch.StartNew();
        var load = WebhookLoad.Build(count, rate, senders, secret, WhatsAppWebhookBuilder.DefaultPhoneNumberId);
        var unique = load.Slots.Where(s => !s.Redelivery).Select(s => s.Wamid).ToHashSet(StringComparer.Ordinal);
        report.Line($"built and signed {Fmt.N(count)} bodies ({Fmt.N(unique.Count)} distinct wamids, {Fmt.N(count - unique.Count)} redeliveries) in {Fmt.S(buildClock.Elapsed.TotalSeconds)}, before the clock starts");

        var logPath = Path.Combine(report.ResultsDirectory, $"webhooks-{report.Stamp}-server.log");
        await using var server = ServerProcess.Start(cs, logPath, environment);
        var healthy = await server.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        report.Line($"server healthy after {Fmt.S(healthy.TotalSeconds)}; fake Graph API at {graph.BaseUrl}");
        var url = new Uri($"http://127.0.0.1:{server.Port.ToString(CultureInfo.InvariantCulture)}/webhooks/whatsapp");
        var warmup = new HashSet<string>(StringComparer.Ordinal);
        if (warmupSeconds > 0)
        {
            // A fresh process spends its first seconds JIT-compiling (and re-compiling hot methods at tier 1); without a
            // warm-up, a short run at a low rate reports that as per-message cost. Other customers and other wamids, so
            // the measured window still meets new customers and the exactly-once checks below leave these out.
            var warm = WebhookLoad.Build(rate * warmupSeconds, rate, senders, secret, WhatsAppWebhookBuilder.DefaultPhoneNumberId, seed: 7, firstSender: 2349000000000L);
            warmup.UnionWith(warm.Slots.Select(s => s.Wamid));
            var warmClock = Stopwatch.StartNew();
            await warm.RunAsync(url, dispatchers, connections);
            while (warmClock.Elapsed < TimeSpan.FromSeconds(warmupSeconds + 120) && await BacklogAsync(cs) is { Inbox: > 0 } or { Inbound: > 0 })
            {
                await Task.Delay(500);
            }

            report.Line($"warm-up: {Fmt.N(warm.Slots.Count)} webhooks from other customers at the same rate, processed in {Fmt.S(warmClock.Elapsed.TotalSeconds)}; not counted below");
        }

        // ------------------------------------------------------------------ send window
        report.Section($"send: open loop, slot i due at start + i/{rate} s; {dispatchers} dispatcher tasks, SocketsHttpHandler MaxConnectionsPerServer={connections}");
        report.Line("the client runs on the same 2 cores as the server and PostgreSQL (its CPU is reported below)");
        var cpu = CpuMeter.Start(server.Pid, pg.PostmasterPid);
        var selfCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await load.RunAsync(url, dispatchers, connections);
        var split = cpu.Stop();
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - selfCpu).TotalSeconds;
        var atWindowEnd = await BacklogAsync(cs);

        var ack = result.AckLatency();
        var lag = result.SchedulingLag();
        var non200 = count - result.Acked200;
        report.Line($"sent {Fmt.N(count)} requests; last fired at {Fmt.S(LoadResult.Ms(result.SentAtTicks.Max()) / 1000)} => achieved send rate {Fmt.N(result.AchievedSendRate)}/s; " +
                    $"all answered after {Fmt.S(result.AllAnswered.TotalSeconds)}");
        report.Line($"acked 200: {Fmt.N(result.Acked200)}; non-200: {Fmt.N(non200)} ({string.Join(", ", result.StatusCounts().Select(s => $"{(s.Status < 0 ? "error" : s.Status.ToString(CultureInfo.InvariantCulture))}: {Fmt.N(s.Count)}"))})");
        report.Line($"ack latency (send -> response headers): {ack.Describe()}  [goal p99 <= 50 ms: {(ack.At(99) <= 50 ? "met" : "MISSED")}]");
        report.Line($"scheduling lag (fired - due): {lag.Describe()}; slots fired > 10 ms late: {Fmt.N(result.LagTicks.Count(t => LoadResult.Ms(t) > 10))}");
        report.Line($"at the end of the send window: webhook_inbox unprocessed {Fmt.N(atWindowEnd.Inbox)}, inbound unhandled {Fmt.N(atWindowEnd.Inbound)}, " +
                    $"msg events {Fmt.N(atWindowEnd.Events)}, outbound rows {Fmt.N(atWindowEnd.Outbound)}");
        report.Line(split.Describe("server") + $"; bench client (incl. fake Graph) {(100 * clientCpu / Math.Max(0.001, split.WallSeconds * split.Cores)):0}%");
        report.Line(split.DescribePerUnit(count, "webhook", "server"));
        report.Set("send", new JsonObject
        {
            ["requests"] = count,
            ["acked200"] = result.Acked200,
            ["non200"] = non200,
            ["statusCounts"] = new JsonObject(result.StatusCounts().Select(s => KeyValuePair.Create(s.Status.ToString(CultureInfo.InvariantCulture), (JsonNode?)s.Count))),
            ["achievedSendRate"] = Math.Round(result.AchievedSendRate, 1),
            ["sendWindowSeconds"] = Math.Round(result.SendWindow.TotalSeconds, 3),
            ["allAnsweredSeconds"] = Math.Round(result.AllAnswered.TotalSeconds, 3),
            ["ackLatency"] = ack.ToJson(),
            ["schedulingLag"] = lag.ToJson(),
            ["backlogAtWindowEnd"] = atWindowEnd.ToJson(),
            ["cpu"] = split.ToJson(),
            ["cpuPerWebhook"] = split.PerUnitJson(count),
            ["clientCoreSeconds"] = Math.Round(clientCpu, 2),
        });

        // ------------------------------------------------------------------ drain
        report.Section($"drain: until webhook_inbox and channel_inbound_messages have nothing pending and outbound_messages stops growing (max {drainTimeout.TotalSeconds:0} s)");
        var drainClock = Stopwatch.StartNew();
        var drainCpu = CpuMeter.Start(server.Pid, pg.PostmasterPid);
        var last = atWindowEnd;
        var stable = 0;
        var nextLine = 10.0;
        while (drainClock.Elapsed < drainTimeout)
        {
            await Task.Delay(1000);
            var now = await BacklogAsync(cs);
            stable = now.Inbox == 0 && now.Inbound == 0 && now.Outbound == last.Outbound && now.Events == last.Events ? stable + 1 : 0;
            last = now;
            if (drainClock.Elapsed.TotalSeconds >= nextLine || stable >= 3)
            {
                report.Line($"  +{drainClock.Elapsed.TotalSeconds,5:0} s: inbox unprocessed {Fmt.N(now.Inbox)}, inbound unhandled {Fmt.N(now.Inbound)}, msg events {Fmt.N(now.Events)}, outbound rows {Fmt.N(now.Outbound)}, Graph sends {Fmt.N(graph.Sent.Count)}");
                nextLine += 10;
            }

            if (stable >= 3 || server.HasExited)
            {
                break;
            }
        }

        var drainSplit = drainCpu.Stop();
        var drained = last.Inbox == 0 && last.Inbound == 0;
        report.Line(drained
            ? $"drained {Fmt.S(drainClock.Elapsed.TotalSeconds)} after the send window (includes 3 s of confirming nothing changes)"
            : $"NOT drained after {Fmt.S(drainClock.Elapsed.TotalSeconds)}: {Fmt.N(last.Inbox)} inbox rows and {Fmt.N(last.Inbound)} inbound messages still pending");
        report.Line(drainSplit.Describe("server"));

        // ------------------------------------------------------------------ lost / duplicated
        report.Section("lost / duplicated (each sent wamid once in channel_inbound_messages and once as a msg:<business>:<wamid> flow event)");
        var inbound = (await RowsAsync(cs, """
            SELECT m.business_id, m.external_id, m.sender, w.received_at
            FROM channel_inbound_messages m LEFT JOIN webhook_inbox w ON w.id = m.inbox_id
            """, r => (Business: r.GetString(0), Wamid: r.GetString(1), Sender: r.GetString(2), ReceivedAt: r.IsDBNull(3) ? (long?)null : r.GetInt64(3))))
            .Where(m => !warmup.Contains(m.Wamid)).ToList();
        var events = (await RowsAsync(cs, "SELECT id, created_at FROM flow_events WHERE id LIKE 'msg:%'", r => (Id: r.GetString(0), CreatedAt: r.GetInt64(1))))
            .Where(e => !warmup.Contains(e.Id[(e.Id.LastIndexOf(':') + 1)..]))
            .ToDictionary(e => e.Id, e => e.CreatedAt, StringComparer.Ordinal);
        var inboundCounts = inbound.GroupBy(m => m.Wamid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var business = inbound.Select(m => m.Business).Distinct().ToList();
        var missingInbound = unique.Count(w => !inboundCounts.ContainsKey(w));
        var duplicatedInbound = inboundCounts.Count(kv => kv.Value > 1);
        var unexpectedInbound = inboundCounts.Keys.Count(w => !unique.Contains(w));
        var eventIdsByWamid = events.Keys.Select(id => id[(id.LastIndexOf(':') + 1)..]).GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missingEvents = unique.Count(w => !eventIdsByWamid.ContainsKey(w));
        var duplicatedEvents = eventIdsByWamid.Count(kv => kv.Value > 1);
        var redelivered = load.Slots.Where(s => s.Redelivery).Select(s => s.Wamid).ToList();
        var redeliveredTwice = redelivered.Count(w => inboundCounts.GetValueOrDefault(w) != 1 || eventIdsByWamid.GetValueOrDefault(w) != 1);
        var exact = missingInbound == 0 && duplicatedInbound == 0 && missingEvents == 0 && duplicatedEvents == 0 && unexpectedInbound == 0;
        report.Line($"business id(s) seen: {string.Join(", ", business)}");
        report.Line($"distinct wamids sent {Fmt.N(unique.Count)}; channel_inbound_messages rows {Fmt.N(inbound.Count)}: missing {Fmt.N(missingInbound)}, duplicated {Fmt.N(duplicatedInbound)}, unexpected {Fmt.N(unexpectedInbound)}");
        report.Line($"msg flow_events {Fmt.N(events.Count)}: missing {Fmt.N(missingEvents)}, duplicated {Fmt.N(duplicatedEvents)}");
        report.Line($"redelivered wamids {Fmt.N(redelivered.Count)} (sent twice): not exactly once {Fmt.N(redeliveredTwice)}");
        if (!drained)
        {
            report.Line("NOT drained: the \"missing\" wamids include every webhook still waiting in webhook_inbox, so they are not proof of loss; duplicates still count");
        }

        report.Line($"{(drained ? "lost" : "missing (not drained)")} {Fmt.N(Math.Max(missingInbound, missingEvents))} / duplicated {Fmt.N(Math.Max(duplicatedInbound, duplicatedEvents))}  [goal 0/0: {(exact && redeliveredTwice == 0 ? "met" : "MISSED")}]");

        // ------------------------------------------------------------------ inbound -> reply queued
        report.Section("inbound -> reply queued (webhook_inbox.received_at -> first outbound_messages.created_at for that customer at or after it; all Unix ms)");
        var outbound = (await RowsAsync(cs, "SELECT recipient, created_at FROM outbound_messages", r => (Recipient: r.GetString(0), CreatedAt: r.GetInt64(1))))
            .GroupBy(o => o.Recipient, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.CreatedAt).Order().ToArray(), StringComparer.Ordinal);
        var replyLatencies = new List<double>();
        var eventLatencies = new List<double>();
        var withoutReply = 0;
        foreach (var message in inbound.Where(m => m.ReceivedAt is not null && unique.Contains(m.Wamid)))
        {
            var received = message.ReceivedAt!.Value;
            if (events.TryGetValue($"msg:{message.Business}:{message.Wamid}", out var eventAt))
            {
                eventLatencies.Add(eventAt - received);
            }

            if (outbound.TryGetValue(message.Sender, out var times))
            {
                var at = Array.BinarySearch(times, received);
                at = at < 0 ? ~at : FirstAtOrAfter(times, at);
                if (at < times.Length)
                {
                    replyLatencies.Add(times[at] - received);
                    continue;
                }
            }

            withoutReply++;
        }

        var reply = new Percentiles(replyLatencies);
        var toEvent = new Percentiles(eventLatencies);
        var outboundRows = outbound.Values.Sum(t => t.Length);
        report.Line($"outbound_messages rows (replies queued): {Fmt.N(outboundRows)} to {Fmt.N(outbound.Count)} customers; sent to the fake Graph API: {Fmt.N(graph.Sent.Count)}");
        report.Line($"inbox received -> msg event created: {toEvent.Describe()}");
        report.Line($"inbox received -> reply queued: {reply.Describe()}; inbound messages with no reply row at or after them: {Fmt.N(withoutReply)}  [goal p50 <= 20 ms: {(reply.At(50) <= 20 ? "met" : "MISSED")}]");
        report.Line("(matching is per customer by time: a customer who writes twice quickly can have their first message matched to the reply to the second, or vice versa)");
        report.Set("drain", new JsonObject
        {
            ["drained"] = drained,
            ["seconds"] = Math.Round(drainClock.Elapsed.TotalSeconds, 2),
            ["left"] = last.ToJson(),
            ["cpu"] = drainSplit.ToJson(),
        });
        report.Set("exactlyOnce", new JsonObject
        {
            ["distinctSent"] = unique.Count,
            ["inboundRows"] = inbound.Count,
            ["missingInbound"] = missingInbound,
            ["duplicatedInbound"] = duplicatedInbound,
            ["unexpectedInbound"] = unexpectedInbound,
            ["msgEvents"] = events.Count,
            ["missingEvents"] = missingEvents,
            ["duplicatedEvents"] = duplicatedEvents,
            ["redelivered"] = redelivered.Count,
            ["redeliveredNotExactlyOnce"] = redeliveredTwice,
            ["ok"] = exact && redeliveredTwice == 0,
        });
        report.Set("replies", new JsonObject
        {
            ["outboundRows"] = outboundRows,
            ["customersReplied"] = outbound.Count,
            ["graphSent"] = graph.Sent.Count,
            ["withoutReply"] = withoutReply,
            ["inboxToEvent"] = toEvent.ToJson(),
            ["inboxToReplyQueued"] = reply.ToJson(),
        });
        if (args.Text("peer") == "node-red")
        {
            await server.StopAsync(TimeSpan.FromSeconds(10)); // the peer gets the machine to itself, as HaloAgent had
            await RunNodeRedAsync(report, load, unique, cs, secret, pg.PostmasterPid, dispatchers, connections);
        }

        report.Save();
        return exact && redeliveredTwice == 0 && drained ? 0 : 3;
    }

    /// <summary>The same signed webhooks at the same rate against the Node-RED peer flow (see <see cref="NodeRedPeer"/>).</summary>
    private static async Task RunNodeRedAsync(
        Report report, WebhookLoad load, HashSet<string> unique, string cs, string secret, int? postmasterPid, int dispatchers, int connections)
    {
        report.Section("peer: Node-RED 5.0.7 (Node 24) — http in -> signature check -> switch -> INSERT ... ON CONFLICT DO NOTHING -> 200, same PostgreSQL, same webhooks");
        report.Line("it stores each message (deduped on wamid) and answers; it runs no agent, engine or reply, so it bounds the ack path only");
        await NodeRedPeer.InstallAsync(report);
        await using var peer = await NodeRedPeer.StartAsync(cs, secret, Path.Combine(report.ResultsDirectory, $"webhooks-{report.Stamp}-node-red.log"));
        var cpu = CpuMeter.Start(peer.Pid, postmasterPid);
        var result = await load.RunAsync(new Uri($"http://127.0.0.1:{peer.Port.ToString(CultureInfo.InvariantCulture)}/webhooks/whatsapp"), dispatchers, connections);
        var split = cpu.Stop();
        var ack = result.AckLatency();
        var stored = (await RowsAsync(cs, "SELECT wamid FROM nodered_inbox", r => r.GetString(0))).ToHashSet(StringComparer.Ordinal);
        var lost = unique.Count(w => !stored.Contains(w));
        report.Line($"achieved send rate {Fmt.N(result.AchievedSendRate)}/s; acked 200: {Fmt.N(result.Acked200)} of {Fmt.N(load.Slots.Count)} ({string.Join(", ", result.StatusCounts().Select(s => $"{s.Status}: {Fmt.N(s.Count)}"))})");
        report.Line($"ack latency: {ack.Describe()}");
        report.Line($"rows stored {Fmt.N(stored.Count)} for {Fmt.N(unique.Count)} distinct wamids: lost {Fmt.N(lost)}, duplicated 0 (primary key)");
        report.Line(split.Describe("node-red") + "; " + split.DescribePerUnit(load.Slots.Count, "webhook", "node-red"));
        report.Set("nodeRed", new System.Text.Json.Nodes.JsonObject
        {
            ["acked200"] = result.Acked200,
            ["achievedSendRate"] = Math.Round(result.AchievedSendRate, 1),
            ["ackLatency"] = ack.ToJson(),
            ["stored"] = stored.Count,
            ["lost"] = lost,
            ["cpu"] = split.ToJson(),
        });
    }

    private static int FirstAtOrAfter(long[] times, int found)
    {
        while (found > 0 && times[found - 1] == times[found])
        {
            found--;
        }

        return found;
    }

    private static async Task<Backlog> BacklogAsync(string cs)
    {
        var row = await BenchPostgres.RowAsync(cs, """
            SELECT (SELECT count(*) FROM webhook_inbox WHERE processed_at IS NULL) AS inbox,
                   (SELECT count(*) FROM channel_inbound_messages WHERE handled_at IS NULL) AS inbound,
                   (SELECT count(*) FROM flow_events WHERE id LIKE 'msg:%') AS events,
                   (SELECT count(*) FROM outbound_messages) AS outbound
            """);
        long L(string k) => Convert.ToInt64(row[k], CultureInfo.InvariantCulture);
        return new Backlog(L("inbox"), L("inbound"), L("events"), L("outbound"));
    }

    private static async Task<List<T>> RowsAsync<T>(string cs, string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private sealed record Backlog(long Inbox, long Inbound, long Events, long Outbound)
    {
        public JsonObject ToJson() => new() { ["inboxUnprocessed"] = Inbox, ["inboundUnhandled"] = Inbound, ["msgEvents"] = Events, ["outboundRows"] = Outbound };
    }
}
