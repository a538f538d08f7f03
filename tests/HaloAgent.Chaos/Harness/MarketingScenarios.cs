using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HaloAgent.Chaos;

/// <summary>A marketer's broadcast (the marketing module's own sender, not a flow) with the node killed part-way.</summary>
public static class MarketingScenarios
{
    private const string Account = "chaos-waba";

    /// <summary>
    /// Customers who agreed to marketing get one approved template each, paced at <paramref name="sendsPerSecond"/>;
    /// SIGKILL once <paramref name="killAt"/> of them were sent, restart at once: every customer gets it exactly once.
    /// </summary>
    public static async Task<ScenarioReport> KillMidBroadcastAsync(
        string connectionString, int contacts, int sendsPerSecond, CancellationToken cancellationToken, double killAt = 0.4)
    {
        var report = new ScenarioReport("kill -9 mid-marketing-broadcast");
        var rate = sendsPerSecond.ToString(CultureInfo.InvariantCulture);
        var settings = new ChaosSettings
        {
            MessagesPerSecond = sendsPerSecond * 4,
            Environment = new Dictionary<string, string>
            {
                ["WhatsApp__BusinessAccountId"] = Account,
                ["HaloAgent__Marketing__SendsPerSecond"] = rate,
                ["HaloAgent__Marketing__QuietHoursStart"] = "00:00:00", // the same start and end: no quiet hours for a test run at any hour
                ["HaloAgent__Marketing__QuietHoursEnd"] = "00:00:00",
                ["HaloAgent__Marketing__Lease"] = "00:00:05",
                ["HaloAgent__Marketing__PollInterval"] = "00:00:00.200",
            },
        };
        await using var cluster = await ChaosCluster.StartAsync(connectionString, settings, cancellationToken);
        var node = cluster.Nodes[0];
        var greet = new ConversationLoad(cluster, contacts, 1, 2347300000000L);
        var greeted = await greet.RunAsync(cancellationToken);
        report.Expect(greeted.Lost == 0, $"every contact wrote first ({greeted.Lost} not answered)");
        var consented = await cluster.Database.QueryAsync(
            "UPDATE contacts SET marketing_consent = true, marketing_consent_at = 1, tags = '|chaos|' WHERE wa_id LIKE '2347300%' RETURNING id", r => r.GetString(0), cancellationToken);
        report.Expect(consented.Count == contacts, $"{contacts} customers agreed to marketing ({consented.Count})");

        cluster.Graph.SetTemplate(Account, "chaos_offer", "en", "APPROVED", "MARKETING", "Hello {{1}}, 10% off this weekend!");
        var owner = await cluster.OwnerAsync(node, cancellationToken);
        (await owner.PostAsync("/api/templates/whatsapp/sync", null, cancellationToken)).EnsureSuccessStatusCode();
        using var segment = await owner.PostAsJsonAsync("/api/segments", new
        {
            name = "Chaos customers",
            filter = new { match = "all", conditions = new object[] { new { field = "tag", op = "has", value = "chaos" } } },
        }, cancellationToken);
        segment.EnsureSuccessStatusCode();
        var segmentId = (await segment.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["id"]!.GetValue<string>();
        using var created = await owner.PostAsJsonAsync("/api/broadcasts", new
        {
            name = "Chaos weekend", segmentId, templateName = "chaos_offer", fallbackLanguage = "en", parameters = new[] { "{name}" },
        }, cancellationToken);
        var draft = await created.Content.ReadAsStringAsync(cancellationToken);
        report.Expect(created.IsSuccessStatusCode, $"the draft was accepted ({(int)created.StatusCode} {draft})");
        var id = JsonNode.Parse(draft)!["id"]!.GetValue<string>();
        (await owner.PostAsJsonAsync($"/api/broadcasts/{id}/schedule", new { }, cancellationToken)).EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        report.Line($"{contacts} customers greeted and opted in; broadcast '{id}' sending at {rate}/s; SIGKILL at {killAt:P0}");

        var ours = greet.WaIds.ToHashSet();
        // Customers reached, not sends: a repeat at the kill must not stand in for a customer still waiting.
        int Templates() => cluster.Graph.Sent.Where(r => r.Type == "template" && ours.Contains(r.To ?? "")).Select(r => r.To).Distinct().Count();
        var killWhen = (int)(contacts * killAt);
        await Checks.UntilAsync(() => Task.FromResult(Templates() >= killWhen), TimeSpan.FromMinutes(5), cancellationToken);
        var sentAtKill = Templates();
        var killed = Stopwatch.StartNew();
        node.Kill();
        report.Kills.Add(DateTimeOffset.UtcNow); // once the process is gone (Kill waits for it)
        var restart = await node.RestartAsync(cancellationToken);
        report.Line($"killed after {sentAtKill} of {contacts} templates were sent ({clock.Elapsed.TotalSeconds:0.0} s in); healthy again {restart.TotalSeconds:0.0} s later");
        var done = await Checks.UntilAsync(() => Task.FromResult(Templates() >= contacts), TimeSpan.FromMinutes(5), cancellationToken);
        report.RecoverySeconds = killed.Elapsed.TotalSeconds;
        report.Figure("recoverySeconds", killed.Elapsed.TotalSeconds);
        report.Line($"all templates sent {killed.Elapsed.TotalSeconds:0.0} s after the kill: {done}");
        var perContact = greet.WaIds.Select(w => cluster.Graph.SentTo(w).Count(r => r.Type == "template")).ToList();
        report.Lost = perContact.Count(n => n == 0);
        report.Expect(report.Lost == 0, $"every customer got the broadcast ({report.Lost} did not)");

        var status = await Checks.UntilAsync(async () =>
        {
            var owner2 = await cluster.OwnerAsync(node, cancellationToken);
            var view = await owner2.GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}", cancellationToken);
            return (string?)view!["status"] == "completed";
        }, TimeSpan.FromMinutes(1), cancellationToken);
        report.Expect(status, "the broadcast completed after the restart");
        // Each customer: the greetings and the broadcast's template (the welcome journey's message waits two hours).
        await Checks.SendsAsync(cluster, report, greeted.Sent + contacts, cancellationToken);
        return report;
    }
}
