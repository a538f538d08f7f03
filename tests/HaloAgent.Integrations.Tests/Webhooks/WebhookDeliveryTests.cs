using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Integrations.Tests.Support;
using HaloAgent.Integrations.Webhooks;

namespace HaloAgent.Integrations.Tests.Webhooks;

/// <summary>Outgoing webhooks end to end: an engine event queues a delivery, the sender signs and retries it, the log and re-send work.</summary>
public sealed class WebhookDeliveryTests
{
    private static Task RaiseAsync(IntegrationsHost host, string business, string name, object payload, string? id = null) =>
        host.Get<FlowRuntime>().RaiseAsync(new EventRequest(name, "contact-1", payload) { Tenant = business, EventId = id }, CancellationToken.None);

    // Publishers raise plain dictionaries (the engine's payload shape).
    private static Dictionary<string, object?> Payload(params (string Key, object? Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static async Task<JsonNode> CreateAsync(IntegrationsHost host, string business, string url, params string[] events) =>
        await host.JsonAsync(HttpMethod.Post, "/api/integrations/webhooks", business, new { url, events });

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_order_is_posted_signed_retried_after_a_500_logged_and_re_sent(DatabaseProvider provider)
    {
        await using var receiver = await FakeReceiver.StartAsync();
        receiver.Answer("/zapier", 500);
        await using var host = await IntegrationsHost.StartAsync(provider, o => o.AllowPrivateTargets = true);
        var created = await CreateAsync(host, "biz-1", $"{receiver.Url}/zapier", "order.created");
        var id = created["id"]!.GetValue<string>();
        var secret = created["secret"]!.GetValue<string>();
        secret.Length.ShouldBe(64);
        await CreateAsync(host, "biz-2", $"{receiver.Url}/other", "order.created");

        await RaiseAsync(host, "biz-1", "order.created", Payload(("orderId", "o-1"), ("number", "MNK-0042"), ("totalKobo", 1_800_000)), "evt-1");
        await RaiseAsync(host, "biz-1", "order.created", Payload(("orderId", "o-1")), "evt-1"); // a redelivered event: nothing new
        await RaiseAsync(host, "biz-1", "contact.created", Payload(("id", "contact-1"))); // not subscribed
        await RaiseAsync(host, "biz-1", "message.received", Payload(("text", "hi")));
        var sender = host.Get<WebhookSender>();

        await sender.RunOnceAsync(CancellationToken.None);
        receiver.Requests.Count.ShouldBe(1);
        await sender.RunOnceAsync(CancellationToken.None);
        receiver.Requests.Count.ShouldBe(1, "the retry waits for its backoff");
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await sender.RunOnceAsync(CancellationToken.None);

        receiver.Requests.Count.ShouldBe(2);
        foreach (var request in receiver.Requests)
        {
            request.Path.ShouldBe("/zapier");
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.Body));
            request.Headers["X-Halo-Signature"].ShouldBe(expected);
            request.Headers["X-Halo-Event"].ShouldBe("order.created");
            long.Parse(request.Headers["X-Halo-Timestamp"]).ShouldBeGreaterThan(0);
            var body = JsonNode.Parse(request.Body)!;
            body["event"]!.GetValue<string>().ShouldBe("order.created");
            body["businessId"]!.GetValue<string>().ShouldBe("biz-1");
            body["data"]!["number"]!.GetValue<string>().ShouldBe("MNK-0042");
        }

        receiver.Requests.Select(r => Encoding.UTF8.GetString(r.Body)).Distinct().Count().ShouldBe(1, "every attempt sends the same signed bytes");
        var log = (await host.JsonAsync(HttpMethod.Get, $"/api/integrations/webhooks/{id}/deliveries", "biz-1")).AsArray();
        var delivery = log.Single()!;
        delivery["status"]!.GetValue<string>().ShouldBe("delivered");
        delivery["log"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()).ShouldBe([500, 200]);
        delivery["log"]![0]!["responseBody"]!.GetValue<string>().ShouldContain("\"ok\": false");

        var deliveryId = delivery["id"]!.GetValue<string>();
        (await host.SendAsync(HttpMethod.Post, $"/api/integrations/deliveries/{deliveryId}/resend", "biz-2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.SendAsync(HttpMethod.Get, $"/api/integrations/webhooks/{id}/deliveries", "biz-2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.SendAsync(HttpMethod.Post, $"/api/integrations/deliveries/{deliveryId}/resend", "biz-1")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await sender.RunOnceAsync(CancellationToken.None);

        receiver.Requests.Count.ShouldBe(3);
        var again = (await host.JsonAsync(HttpMethod.Get, $"/api/integrations/webhooks/{id}/deliveries", "biz-1")).AsArray().Single()!;
        again["status"]!.GetValue<string>().ShouldBe("delivered");
        again["log"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()).ShouldBe([500, 200, 200]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_delivery_that_keeps_failing_stops_after_the_bounded_attempts(DatabaseProvider provider)
    {
        await using var receiver = await FakeReceiver.StartAsync();
        receiver.Answer("/down", 500, 502, 503, 500);
        await using var host = await IntegrationsHost.StartAsync(provider, o =>
        {
            o.AllowPrivateTargets = true;
            o.MaxDeliveryAttempts = 3;
        });
        var id = (await CreateAsync(host, "biz-1", $"{receiver.Url}/down", "conversation.handed_over"))["id"]!.GetValue<string>();
        await RaiseAsync(host, "biz-1", "escalation.opened", Payload(("escalationId", "e-1"), ("by", "agent")));
        var sender = host.Get<WebhookSender>();
        for (var i = 0; i < 6; i++)
        {
            await sender.RunOnceAsync(CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        receiver.Requests.Count.ShouldBe(3);
        var delivery = (await host.JsonAsync(HttpMethod.Get, $"/api/integrations/webhooks/{id}/deliveries", "biz-1")).AsArray().Single()!;
        delivery["event"]!.GetValue<string>().ShouldBe("conversation.handed_over");
        delivery["status"]!.GetValue<string>().ShouldBe("failed");
        delivery["lastStatusCode"]!.GetValue<int>().ShouldBe(503);
    }

    [Fact]
    public void Backoff_doubles_from_the_first_delay_up_to_the_cap()
    {
        var options = new IntegrationsOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        Enumerable.Range(1, 5).Select(a => WebhookSender.Backoff(a, options).TotalSeconds).ShouldBe([10, 20, 40, 60, 60]);
    }
}
