using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HaloAgent.Bench;

/// <summary>
/// Segment counting: N contacts (and their orders) of the demo business seeded in SQL, then
/// <c>POST /api/segments/preview</c> timed for a set of filters (one request at a time, after warm-up). Each count is
/// checked against a hand-written SQL query of the same rule.
/// </summary>
public static class MarketingSegmentsBench
{
    private const long Day = 86_400_000;

    public static async Task<bool> RunAsync(Report report, HttpClient owner, string cs, string businessId, int contacts, int runs, int warmup)
    {
        report.Section($"segments: {Fmt.N(contacts)} contacts of the demo business, POST /api/segments/preview x {runs} per filter after {warmup} warm-up calls");
        var seedClock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await MarketingSeed.ContactsAsync(cs, businessId, contacts, now);
        var (orders, items) = await MarketingSeed.OrdersAsync(cs, businessId, contacts, now);
        // VACUUM as well: the steady state autovacuum reaches (hint bits set, visibility map), not the first scans after a bulk load.
        await BenchPostgres.ExecuteAsync(cs, "VACUUM ANALYZE");
        var total = await BenchPostgres.ScalarAsync<long>(cs, "SELECT count(*) FROM contacts WHERE business_id = @b AND NOT sandbox", 0, ("b", businessId));
        var buyers = await BenchPostgres.ScalarAsync<long>(cs, "SELECT count(DISTINCT contact_id) FROM orders WHERE business_id = @b", 0, ("b", businessId));
        var (product, productName) = await PopularProductAsync(cs);
        report.Line($"seeded {Fmt.N(contacts)} contacts, {Fmt.N(orders)} orders ({Fmt.N(buyers)} buyers), {Fmt.N(items)} order items in {Fmt.S(seedClock.Elapsed.TotalSeconds)} (SQL, then VACUUM ANALYZE); the business has {Fmt.N(total)} contacts");
        report.Line("time = client round trip of the preview (the count query plus the 10-contact sample query, JSON, HTTP on loopback)");

        var allMet = true;
        var figures = new JsonArray();
        foreach (var (label, filter, expectedSql) in Filters(product, productName))
        {
            var body = new JsonObject { ["filter"] = filter };
            for (var i = 0; i < warmup; i++)
            {
                await owner.PostJsonAsync("/api/segments/preview", body);
            }

            var times = new List<double>(runs);
            long count = -1;
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                var answer = await owner.PostJsonAsync("/api/segments/preview", body);
                times.Add(clock.Elapsed.TotalMilliseconds);
                count = answer!["count"]!.GetValue<long>();
            }

            var expected = await BenchPostgres.ScalarAsync<long>(cs, $"SELECT count(*) FROM contacts c WHERE c.business_id = @b AND NOT c.sandbox AND ({expectedSql})", 0,
                ("b", businessId), ("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()), ("p", product));
            var p = new Percentiles(times);
            var p95 = p.At(95);
            var met = p95 < 200;
            allMet &= met;
            report.Line($"  {label,-52} count {Fmt.N(count),7} (SQL check {(count == expected ? "ok" : $"MISMATCH: {Fmt.N(expected)}")}); p50 {Fmt.Ms(p.At(50))}, p95 {Fmt.Ms(p95)}, max {Fmt.Ms(p.Max)}  [goal < 200 ms: {(met ? "met" : "MISSED")}]");
            figures.Add(new JsonObject
            {
                ["filter"] = label,
                ["body"] = body.DeepClone(),
                ["count"] = count,
                ["expected"] = expected,
                ["p50Ms"] = Math.Round(p.At(50), 2),
                ["p95Ms"] = Math.Round(p95, 2),
                ["maxMs"] = Math.Round(p.Max, 2),
                ["runs"] = runs,
            });
        }

        report.Set("segments", new JsonObject
        {
            ["contacts"] = contacts,
            ["businessContacts"] = total,
            ["orders"] = orders,
            ["orderItems"] = items,
            ["seedSeconds"] = Math.Round(seedClock.Elapsed.TotalSeconds, 2),
            ["filters"] = figures,
            ["goalMet"] = allMet,
        });
        return allMet;
    }

    /// <summary>The product bought in most seeded orders (what "bought a product" asks about).</summary>
    private static async Task<(string Id, string Name)> PopularProductAsync(string cs)
    {
        var row = await BenchPostgres.RowAsync(cs, """
            SELECT i.product_id, p.sku, count(*) AS n FROM order_items i JOIN products p ON p.id = i.product_id
            WHERE i.order_id LIKE 'bench-o%' GROUP BY i.product_id, p.sku ORDER BY n DESC LIMIT 1
            """);
        return ((string)row["product_id"]!, (string)row["sku"]!);
    }

    private static JsonObject Rule(string field, string op, JsonNode value) => new() { ["field"] = field, ["op"] = op, ["value"] = value };

    private static JsonObject All(params JsonNode[] conditions) => new() { ["match"] = "all", ["conditions"] = new JsonArray(conditions) };

    private static JsonObject Any(params JsonNode[] conditions) => new() { ["match"] = "any", ["conditions"] = new JsonArray(conditions) };

    /// <summary>The filters timed, each with the same rule in SQL (<c>@now</c> Unix ms, <c>@p</c> the product).</summary>
    private static IEnumerable<(string Label, JsonObject Filter, string ExpectedSql)> Filters(string product, string productName)
    {
        var bought = $"o.contact_id = c.id AND o.status IN {MarketingSeed.BoughtStatuses}";
        yield return ("language is yo", All(Rule("language", "is", "yo")), "c.preferred_language = 'yo'");
        yield return ("tag has vip", All(Rule("tag", "has", "vip")), "c.tags LIKE '%|vip|%'");
        yield return ("total spend >= N50,000 (5,000,000 kobo)", All(Rule("total_spend_kobo", "gte", 5_000_000)),
            $"(SELECT coalesce(sum(o.total_kobo), 0) FROM orders o WHERE {bought}) >= 5000000");
        yield return ($"bought product {productName}", All(Rule("product_bought", "is", product)),
            $"EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.product_id = @p AND {bought})");
        yield return ("window open", All(Rule("window_open", "is", true)), $"c.last_inbound_at >= @now - {Day}");
        yield return ("last message within 30 d AND (language ha OR tag vip)",
            All(Rule("last_message", "within_days", 30), Any(Rule("language", "is", "ha"), Rule("tag", "has", "vip"))),
            $"c.last_inbound_at >= @now - {30 * Day} AND (c.preferred_language = 'ha' OR c.tags LIKE '%|vip|%')");
        yield return ("marketing consent", All(Rule("marketing_consent", "is", true)), "c.marketing_consent");
    }
}
