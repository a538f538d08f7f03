using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using HaloAgent.Channels.WebChat;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Studio.TestRuns;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Studio;

/// <summary>
/// Test runs against the real server on PostgreSQL: a designer orders as the sandbox customer of the shipped ordering
/// flow; nothing of it reaches the owner's dashboard or the business's stock, and ending the run (by the Studio, or by
/// the sweeper once it is idle) deletes the sandbox while the ended run still reads back.
/// </summary>
public sealed class TestRunsApiTests : IAsyncLifetime
{
    private const string Jollof = "JOLLOF-RICE";
    private const string SandboxName = "Sandbox Sade";

    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private HaloAgentFactory _factory = null!;
    private HttpClient _owner = null!;
    private string _businessId = null!;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Postgres, new Dictionary<string, string>
        {
            ["HaloAgent:Dashboard:StreamPollInterval"] = "00:00:00.100",
        }, _clock);
        _owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        _businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task An_order_in_a_test_run_stays_out_of_the_dashboard_and_the_stock_and_ending_the_run_deletes_the_sandbox_but_keeps_its_story()
    {
        var stockBefore = await StockAsync(Jollof);
        var salesBefore = (await _owner.GetFromJsonAsync<JsonObject>("/api/stats/sales?days=1"))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var stream = await _owner.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/stream"), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var events = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
        (await ReadLineAsync(events, l => l == ": connected", timeout.Token)).ShouldNotBeNull();

        var run = await StartRunAsync();
        await SaysAsync(run, new { text = "I want 2 jollof rice" }, m => m.Text.Contains("7,000"), "2 × ₦3,500 in the cart");
        await SaysAsync(run, new { text = "no" }, m => m.Type == "interactive", "pickup or delivery buttons");
        await SaysAsync(run, new { reply = new { id = "pickup", title = "Pickup" } }, m => m.Type == "interactive", "the summary with a confirm button");
        var placed = await SaysAsync(run, new { reply = new { id = "confirm", title = "Yes" } }, m => m.Text.Contains("MNK-"), "the order number");
        run = run with { InstanceId = (await GetRunAsync(run.RunId))["instanceId"]!.GetValue<string>() };

        // The sandbox really ordered: its contact, order and payment exist, and the order number was sent to it.
        var contactId = await ScalarAsync<string>("SELECT id FROM contacts WHERE wa_id = @Key AND sandbox", new { Key = run.ContactKey });
        var (orderId, number) = (await QueryAsync<(string, string)>("SELECT id, number FROM orders WHERE contact_id = @Contact", new { Contact = contactId })).ShouldHaveSingleItem();
        placed.ShouldContain(m => m.Text.Contains(number));
        var payment = (await _factory.Services.GetRequiredService<IPaymentService>().ListOpenForContactAsync(_businessId, contactId, default)).ShouldHaveSingleItem();
        await _factory.Services.GetRequiredService<IPaymentService>().RecordClaimAsync(payment.Id, "The test customer says they paid.", default);
        await _factory.Services.GetRequiredService<IEscalationService>().OpenAsync(_businessId, contactId, "wants a person", "test", default);
        (await StockAsync(Jollof)).ShouldBe(stockBefore, "a test run's order takes no stock");

        // None of it in the dashboard or its APIs.
        (await GetArrayAsync("/api/conversations")).ShouldNotContain(c => c!["contactId"]!.GetValue<string>() == contactId);
        (await _owner.GetAsync($"/api/conversations/{contactId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetArrayAsync("/api/contacts")).ShouldNotContain(c => c!["id"]!.GetValue<string>() == contactId);
        (await GetArrayAsync($"/api/contacts?q={Uri.EscapeDataString("Sandbox")}")).ShouldBeEmpty();
        (await _owner.GetAsync($"/api/contacts/{contactId}/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetArrayAsync("/api/orders")).ShouldBeEmpty();
        (await _owner.GetAsync($"/api/orders/{orderId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetArrayAsync("/api/payments/review")).ShouldBeEmpty();
        (await _owner.GetAsync($"/api/payments/{payment.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetArrayAsync("/api/escalations")).ShouldBeEmpty();
        var sales = (await _owner.GetFromJsonAsync<JsonObject>("/api/stats/sales?days=1"))!;
        sales["totalOrders"]!.GetValue<int>().ShouldBe(salesBefore["totalOrders"]!.GetValue<int>());
        sales["totalRevenueKobo"]!.GetValue<long>().ShouldBe(salesBefore["totalRevenueKobo"]!.GetValue<long>());
        (await GetArrayAsync("/api/flows")).Select(f => f!["id"]!.GetValue<string>()).ShouldNotContain(run.SandboxFlowId);
        (await GetArrayAsync("/api/flows")).Select(f => f!["id"]!.GetValue<string>()).ShouldContain("ordering");
        (await GetArrayAsync("/api/instances")).ShouldBeEmpty();
        (await GetArrayAsync($"/api/instances?flowId={run.SandboxFlowId}")).ShouldBeEmpty();
        (await _owner.GetAsync($"/api/instances/{run.InstanceId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetArrayAsync($"/api/instances?correlationKey={contactId}")).ShouldBeEmpty();

        // The live stream neither: up to a customer's order and hand-over made afterwards, it sent nothing of the sandbox.
        var customer = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348035550001", "Real Ruth");
        var customerOrder = await DashboardSeed.OrderAsync(_factory.Services, _businessId, customer.Id, "PUFF-PUFF", 1, address: null);
        (await _owner.PostAsync($"/api/conversations/{customer.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var sent = await ReadEventsUntilAsync(events, "conversation.updated", e => e["contactId"]?.GetValue<string>() == customer.Id && e["handledBy"]?.GetValue<string>() == "human", timeout.Token);
        if (!sent.Any(e => e.Contains(customerOrder.Number)))
        {
            // A poll reads orders before contacts, so an order made just before the take-over can come one poll later.
            sent.AddRange(await ReadEventsUntilAsync(events, "order.created", e => e["id"]?.GetValue<string>() == customerOrder.Id, timeout.Token));
        }

        sent.ShouldContain(e => e.Contains(customerOrder.Number));
        sent.ShouldAllBe(e => !e.Contains(contactId) && !e.Contains(orderId) && !e.Contains(number) && !e.Contains(SandboxName) && !e.Contains(payment.Id));
        (await GetArrayAsync("/api/orders")).Select(x => x!["id"]!.GetValue<string>()).ShouldBe([customerOrder.Id]);

        var inboxRows = (await QueryAsync<string>("SELECT inbox_id FROM channel_inbound_messages WHERE sender = @Key", new { Key = run.ContactKey })).ToList();
        inboxRows.Count.ShouldBe(4);
        // The ordering flow is done once the order is placed: its instance completed and waits for nothing.
        foreach (var (what, count) in (await ResidueAsync(run, contactId, orderId, inboxRows)).Where(r => r.What != "bookmarks"))
        {
            count.ShouldBeGreaterThan(0, $"before the run ends there are {what}");
        }

        (await _owner.DeleteAsync($"/api/test-runs/{run.RunId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The ended run still shows the conversation and the path taken.
        var ended = await GetRunAsync(run.RunId);
        ended["status"]!.GetValue<string>().ShouldBe("Ended");
        Texts(ended, "inbound").ShouldBe(["I want 2 jollof rice", "no", "Pickup", "Yes"]);
        Texts(ended, "outbound").ShouldContain(t => t.Contains(number));
        var journal = ended["journal"]!.AsArray().Select(e => (Type: e!["activityType"]!.GetValue<string>(), Kind: e["kind"]!.GetValue<string>())).ToList();
        journal.ShouldContain(("PlaceOrder", "executed"));
        ended["currentNodeId"]!.GetValue<string>().ShouldBe("order-done");

        // And nothing of the sandbox is left in the database; the stock is what it was.
        foreach (var (what, count) in await ResidueAsync(run, contactId, orderId, inboxRows))
        {
            count.ShouldBe(0, $"after the run ended there are no {what}");
        }

        (await StockAsync(Jollof)).ShouldBe(stockBefore);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM studio_test_runs WHERE id = @Id AND ended_at IS NOT NULL AND cleaned_at IS NOT NULL AND snapshot IS NOT NULL", new { Id = run.RunId })).ShouldBe(1);

        // Ending again changes nothing; an ended run takes no more messages.
        (await _owner.DeleteAsync($"/api/test-runs/{run.RunId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await GetRunAsync(run.RunId)).ToJsonString().ShouldBe(ended.ToJsonString());
        (await _owner.PostAsJsonAsync($"/api/test-runs/{run.RunId}/messages", new { text = "hello?" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // A message posted just before the end and reaching the inbox after the cleanup is dropped with its records:
        // it does not bring the sandbox customer back as a customer of the business.
        var (_, problem) = await _factory.Services.GetRequiredService<WebChatInbox>().AddAsync(
            _businessId, new WebChatPost { SessionId = TestRunIds.SessionId(run.RunId), ClientMessageId = Guid.NewGuid().ToString("N"), Text = "one more thing" }, default);
        problem.ShouldBeNull();
        await Eventually.ReturnsAsync(
            () => ScalarAsync<long>("SELECT COUNT(*) FROM webhook_inbox WHERE provider = 'webchat' AND processed_at IS NULL", new { }),
            n => n == 0,
            what: "the late message handled");
        (await ScalarAsync<long>("SELECT COUNT(*) FROM webhook_inbox WHERE provider = 'webchat'", new { })).ShouldBe(0);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM channel_inbound_messages WHERE sender = @Key", new { Key = run.ContactKey })).ShouldBe(0);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM contacts WHERE wa_id = @Key", new { Key = run.ContactKey })).ShouldBe(0);
        (await GetArrayAsync("/api/conversations")).ShouldNotContain(c => c!["contactName"]!.GetValue<string>() == SandboxName);
    }

    [Fact]
    public async Task A_run_nobody_uses_is_ended_and_cleaned_up_by_the_sweeper_once_idle_longer_than_the_limit()
    {
        var sweeper = _factory.Services.GetRequiredService<TestRunSweeper>();
        var run = await StartRunAsync();
        await SaysAsync(run, new { text = "I want 2 jollof rice" }, m => m.Text.Contains("7,000"), "2 × ₦3,500 in the cart");
        var contactId = await ScalarAsync<string>("SELECT contact_id FROM studio_test_runs WHERE id = @Id", new { Id = run.RunId });
        var instanceId = (await GetRunAsync(run.RunId))["instanceId"]!.GetValue<string>();
        (await ScalarAsync<long>("SELECT COUNT(*) FROM flow_bookmarks WHERE instance_id = @Id", new { Id = instanceId })).ShouldBe(1, "the flow waits for the next message");

        // Polled by the Studio 100 minutes in: still in use, so 200 minutes in it has been idle for only 100.
        _clock.Advance(TimeSpan.FromMinutes(100));
        (await GetRunAsync(run.RunId))["status"]!.GetValue<string>().ShouldNotBe("Ended");
        _clock.Advance(TimeSpan.FromMinutes(100));
        (await sweeper.SweepAsync(default)).ShouldBe(0);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM studio_test_runs WHERE id = @Id AND ended_at IS NULL", new { Id = run.RunId })).ShouldBe(1);

        // 121 minutes after the poll: ended, then cleaned up (a sweep finishes it if a step of the instance was under way).
        _clock.Advance(TimeSpan.FromMinutes(21));
        (await sweeper.SweepAsync(default)).ShouldBe(1);
        await Eventually.ReturnsAsync(
            async () =>
            {
                await sweeper.SweepAsync(default);
                return await ScalarAsync<long>("SELECT COUNT(*) FROM studio_test_runs WHERE id = @Id AND cleaned_at IS NOT NULL", new { Id = run.RunId });
            },
            n => n == 1,
            what: "the idle run's cleanup");
        (await sweeper.SweepAsync(default)).ShouldBe(0, "an ended run is not ended again");

        var ended = await GetRunAsync(run.RunId);
        ended["status"]!.GetValue<string>().ShouldBe("Ended");
        Texts(ended, "inbound").ShouldBe(["I want 2 jollof rice"]);
        Texts(ended, "outbound").ShouldContain(t => t.Contains("7,000"));
        (await ScalarAsync<long>("SELECT COUNT(*) FROM contacts WHERE id = @Id", new { Id = contactId })).ShouldBe(0);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM flows WHERE id = @Id", new { Id = run.SandboxFlowId })).ShouldBe(0);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM flow_instances WHERE flow_id = @Id", new { Id = run.SandboxFlowId })).ShouldBe(0);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM flow_bookmarks WHERE instance_id = @Id", new { Id = instanceId })).ShouldBe(0);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM flow_journal WHERE instance_id = @Id", new { Id = instanceId })).ShouldBe(0);
        (await ScalarAsync<long>("SELECT COUNT(*) FROM outbound_messages WHERE recipient = @Key", new { Key = run.ContactKey })).ShouldBe(0);
        (await _owner.PostAsJsonAsync($"/api/test-runs/{run.RunId}/messages", new { text = "still there?" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private sealed record Run(string RunId, string ContactKey, string SandboxFlowId, string? InstanceId);

    private sealed record Message(string Direction, string Type, string Text);

    private async Task<Run> StartRunAsync()
    {
        using var created = await _owner.PostAsJsonAsync("/api/flows/ordering/test-runs", new { contact = new { name = SandboxName, language = "en" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var runId = body["runId"]!.GetValue<string>();
        return new Run(runId, body["contactKey"]!.GetValue<string>(), body["sandboxFlowId"]!.GetValue<string>(), null);
    }

    /// <summary>Posts as the sandbox customer and waits for the run's replies to it until one matches; returns those replies.</summary>
    private async Task<List<Message>> SaysAsync(Run run, object message, Func<Message, bool> expected, string what)
    {
        var before = Messages(await GetRunAsync(run.RunId)).Count(m => m.Direction == "outbound");
        _clock.Advance(TimeSpan.FromSeconds(5)); // the conversation reads in order by time, which moves only when told
        using (var posted = await _owner.PostAsJsonAsync($"/api/test-runs/{run.RunId}/messages", message))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
        }

        return await Eventually.ReturnsAsync(
            async () => Messages(await GetRunAsync(run.RunId)).Where(m => m.Direction == "outbound").Skip(before).ToList(),
            replies => replies.Any(expected),
            TimeSpan.FromSeconds(60),
            what);
    }

    private async Task<JsonObject> GetRunAsync(string runId)
    {
        using var response = await _owner.GetAsync($"/api/test-runs/{runId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<Message> Messages(JsonObject run) => run["messages"]!.AsArray()
        .Select(m => new Message(m!["direction"]!.GetValue<string>(), m["type"]!.GetValue<string>(), m["text"]?.GetValue<string>() ?? ""))
        .ToList();

    private static List<string> Texts(JsonObject run, string direction) => Messages(run).Where(m => m.Direction == direction).Select(m => m.Text).ToList();

    private async Task<JsonArray> GetArrayAsync(string path)
    {
        using var response = await _owner.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    private async Task<int> StockAsync(string sku) =>
        (await _factory.Services.GetRequiredService<ICatalogService>().FindBySkuAsync(_businessId, sku, default))!.Stock;

    /// <summary>Every kind of row a test run leaves behind until it is cleaned up, counted.</summary>
    private async Task<List<(string What, long Count)>> ResidueAsync(Run run, string contactId, string orderId, List<string> inboxIds)
    {
        var keys = new { Flow = run.SandboxFlowId, Instance = run.InstanceId, Effects = run.InstanceId + ":%", Contact = contactId, Order = orderId, Key = run.ContactKey, Inbox = inboxIds.ToArray() };
        var queries = new (string What, string Sql)[]
        {
            ("sandbox flows", "SELECT COUNT(*) FROM flows WHERE id = @Flow"),
            ("sandbox flow versions", "SELECT COUNT(*) FROM flow_versions WHERE flow_id = @Flow"),
            ("sandbox instances", "SELECT COUNT(*) FROM flow_instances WHERE id = @Instance OR flow_id = @Flow OR correlation_key = @Contact"),
            ("journal segments", "SELECT COUNT(*) FROM flow_journal WHERE instance_id = @Instance"),
            ("bookmarks", "SELECT COUNT(*) FROM flow_bookmarks WHERE instance_id = @Instance OR correlation_key = @Contact"),
            ("events", "SELECT COUNT(*) FROM flow_events WHERE correlation_key = @Contact"),
            ("step effects", "SELECT COUNT(*) FROM flow_effects WHERE key LIKE @Effects"),
            ("sandbox contacts", "SELECT COUNT(*) FROM contacts WHERE id = @Contact OR wa_id = @Key"),
            ("sandbox orders", "SELECT COUNT(*) FROM orders WHERE contact_id = @Contact"),
            ("order lines", "SELECT COUNT(*) FROM order_items WHERE order_id = @Order"),
            ("order history", "SELECT COUNT(*) FROM order_status_history WHERE order_id = @Order"),
            ("sandbox payments", "SELECT COUNT(*) FROM payments WHERE contact_id = @Contact"),
            ("sandbox carts", "SELECT COUNT(*) FROM carts WHERE contact_id = @Contact"),
            ("sandbox hand-overs", "SELECT COUNT(*) FROM escalations WHERE contact_id = @Contact"),
            ("sandbox conversation memory", "SELECT COUNT(*) FROM conversation_memory WHERE contact_id = @Contact"),
            ("inbound messages", "SELECT COUNT(*) FROM channel_inbound_messages WHERE sender = @Key"),
            ("outbound messages", "SELECT COUNT(*) FROM outbound_messages WHERE recipient = @Key"),
            ("web chat posts", "SELECT COUNT(*) FROM webhook_inbox WHERE id = ANY(@Inbox)"),
        };
        var counts = new List<(string, long)>();
        foreach (var (what, sql) in queries)
        {
            counts.Add((what, await ScalarAsync<long>(sql, keys)));
        }

        return counts;
    }

    private async Task<T> ScalarAsync<T>(string sql, object parameters)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync();
        return (await db.Database.GetDbConnection().ExecuteScalarAsync<T>(sql, parameters))!;
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, object parameters)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync();
        return await db.Database.GetDbConnection().QueryAsync<T>(sql, parameters);
    }

    /// <summary>The data of every event the stream sends until one named <paramref name="name"/> matches <paramref name="last"/> (included).</summary>
    private static async Task<List<string>> ReadEventsUntilAsync(StreamReader reader, string name, Func<JsonObject, bool> last, CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(reader, l => l.StartsWith("event: ", StringComparison.Ordinal), cancellationToken);
            var data = await reader.ReadLineAsync(cancellationToken);
            data.ShouldNotBeNull();
            data.ShouldStartWith("data: ");
            sent.Add(data);
            if (line == $"event: {name}" && last(JsonNode.Parse(data["data: ".Length..])!.AsObject()))
            {
                return sent;
            }
        }
    }

    private static async Task<string> ReadLineAsync(StreamReader reader, Func<string, bool> done, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (done(line))
            {
                return line;
            }
        }

        throw new EndOfStreamException("The stream ended.");
    }
}
