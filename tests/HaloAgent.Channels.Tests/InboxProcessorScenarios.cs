using System.Net;
using Dapper;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Channels.Tests;

/// <summary>The webhook inbox processor: routing, dedupe, retries. On each real database (subclasses at the end).</summary>
public abstract class InboxProcessorScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private ChannelsHost _host = null!;

    public async Task InitializeAsync() => _host = await ChannelsHost.StartAsync(
        await DatabaseTarget.CreateAsync(provider),
        settings: new Dictionary<string, string?>
        {
            ["HaloAgent:Channels:Inbox:MaxAttempts"] = "3",
            ["HaloAgent:Channels:Inbox:RetryBaseDelay"] = "00:00:10",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task PostAsync(WhatsAppWebhookBuilder webhook)
    {
        using var response = await _host.PostAsync(webhook);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_text_message_is_routed_to_its_business_and_handed_off_once()
    {
        var webhook = new WhatsAppWebhookBuilder(ChannelsHost.PhoneNumberId).Text(ChannelsHost.Customer, "Abeg how much be jollof?", name: "Ada");
        await PostAsync(webhook);

        (await _host.ProcessAsync()).ShouldBe(1);

        var message = _host.Handler.Messages.ShouldHaveSingleItem();
        message.BusinessId.ShouldBe(ChannelsHost.BusinessId);
        message.Channel.ShouldBe(ChannelKind.WhatsApp);
        message.ExternalId.ShouldBe(webhook.LastMessageId);
        message.From.ShouldBe(ChannelsHost.Customer);
        message.ProfileName.ShouldBe("Ada");
        message.Text.ShouldBe("Abeg how much be jollof?");
        (await _host.SqlAsync(c => c.QuerySingleAsync<string>("SELECT status FROM webhook_inbox"))).ShouldBe("processed");
        (await _host.CountAsync("channel_inbound_messages", "handled_at IS NOT NULL")).ShouldBe(1);
        (await _host.ProcessAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Customers_are_handed_off_in_parallel_but_each_customers_messages_stay_in_order()
    {
        const int customers = 8, perCustomer = 5;
        for (var n = 0; n < perCustomer; n++)
        {
            for (var c = 0; c < customers; c++)
            {
                await PostAsync(new WhatsAppWebhookBuilder().Text($"23480300001{c:00}", $"message {n}"));
                _host.Clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        (await _host.ProcessAsync()).ShouldBe(customers * perCustomer);

        var handled = _host.Handler.Messages.ToList();
        handled.Count.ShouldBe(customers * perCustomer);
        foreach (var customer in handled.GroupBy(m => m.From))
        {
            customer.Select(m => m.Text).ShouldBe(Enumerable.Range(0, perCustomer).Select(n => $"message {n}"));
        }
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_handed_off_once()
    {
        var webhook = new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "I don pay");
        await PostAsync(webhook);
        await PostAsync(webhook); // Meta's at-least-once redelivery: same wamid, a second webhook

        (await _host.ProcessAsync()).ShouldBe(2);

        _host.Handler.Calls.ShouldBe(1);
        (await _host.CountAsync("webhook_inbox", "status = 'processed'")).ShouldBe(2);
        (await _host.CountAsync("channel_inbound_messages")).ShouldBe(1);
    }

    [Fact]
    public async Task A_message_still_claimed_by_a_dead_hand_off_is_retried_after_the_claim_lapses_not_dropped()
    {
        // A node killed mid-hand-off leaves the message claimed but unhandled; the webhook's retry used to take it for a
        // duplicate and mark it processed, so the customer never got an answer (found by the kill -9 chaos scenario).
        var webhook = new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "2 plates");
        await PostAsync(webhook);
        var now = _host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _host.SqlAsync(c => c.ExecuteAsync(
            "INSERT INTO channel_inbound_messages (business_id, external_id, channel, sender, type, sent_at, received_at, inbox_id, payload, claimed_until, handled_at) " +
            "VALUES (@BusinessId, @ExternalId, 'whatsapp', @Sender, 'text', @Now, @Now, 'dead-node', '{}', @Until, NULL)",
            new { ChannelsHost.BusinessId, ExternalId = webhook.LastMessageId, Sender = ChannelsHost.Customer, Now = now, Until = now + 60_000 }));

        await _host.ProcessAsync();
        _host.Handler.Calls.ShouldBe(0);
        (await _host.CountAsync("webhook_inbox", "status = 'processed'")).ShouldBe(0);

        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        await _host.ProcessAsync();

        _host.Handler.Calls.ShouldBe(1);
        (await _host.CountAsync("channel_inbound_messages", "handled_at IS NOT NULL")).ShouldBe(1);
    }

    [Fact]
    public async Task A_redelivery_after_the_first_was_processed_is_still_handed_off_once()
    {
        var webhook = new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "2 plates");
        await PostAsync(webhook);
        await _host.ProcessAsync();
        _host.Clock.Advance(TimeSpan.FromHours(3));
        await PostAsync(webhook);

        await _host.ProcessAsync();

        _host.Handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_status_delivered_twice_is_recorded_once()
    {
        var webhook = new WhatsAppWebhookBuilder().Status("wamid.SENT-1", "delivered");
        await PostAsync(webhook);
        await PostAsync(webhook);

        await _host.ProcessAsync();

        (await _host.CountAsync("channel_status_events")).ShouldBe(1);
        _host.Handler.Calls.ShouldBe(0); // a status is not a customer message
    }

    [Fact]
    public async Task Every_entry_and_change_is_routed_to_the_business_that_owns_its_number()
    {
        _host.Directory.Add(new ChannelBusiness("biz-suya-spot", "PNID-SUYA", "token-2"));
        var webhook = new WhatsAppWebhookBuilder(ChannelsHost.PhoneNumberId)
            .Text(ChannelsHost.Customer, "for mama nkechi")
            .NextEntry("PNID-SUYA").Text("2348030000002", "for suya spot")
            .NextChange(ChannelsHost.PhoneNumberId).Text("2348030000003", "mama nkechi again");
        await PostAsync(webhook);

        await _host.ProcessAsync();

        _host.Handler.Messages.Select(m => (m.BusinessId, m.Text)).ShouldBe([
            (ChannelsHost.BusinessId, "for mama nkechi"),
            ("biz-suya-spot", "for suya spot"),
            (ChannelsHost.BusinessId, "mama nkechi again"),
        ]);
    }

    [Fact]
    public async Task An_unknown_phone_number_id_is_dead_lettered_and_not_retried()
    {
        await PostAsync(new WhatsAppWebhookBuilder("PNID-NOBODY").Text(ChannelsHost.Customer, "hello?"));

        (await _host.ProcessAsync()).ShouldBe(1);

        _host.Handler.Calls.ShouldBe(0);
        var row = await _host.SqlAsync(c => c.QuerySingleAsync<(string Status, string Error)>("SELECT status, error FROM webhook_inbox"));
        row.Status.ShouldBe("dead");
        row.Error.ShouldContain("Unknown phone_number_id 'PNID-NOBODY'");
        _host.Clock.Advance(TimeSpan.FromDays(1));
        (await _host.ProcessAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Every_supported_type_reaches_the_handler_with_its_content()
    {
        await PostAsync(new WhatsAppWebhookBuilder()
            .ButtonReply(ChannelsHost.Customer, "confirm", "Confirm")
            .ListReply(ChannelsHost.Customer, "sku-1", "Jollof")
            .QuickReply(ChannelsHost.Customer, "START", "Start")
            .Image(ChannelsHost.Customer, "media-1", caption: "receipt")
            .Audio(ChannelsHost.Customer, "media-2")
            .Location(ChannelsHost.Customer, 6.5, 3.4)
            .Order(ChannelsHost.Customer, "cat", [("sku-1", 2, 2500m, "NGN")])
            .Unsupported(ChannelsHost.Customer, "sticker"));

        await _host.ProcessAsync();

        _host.Handler.Messages.Select(m => m.Type).ShouldBe([
            InboundMessageType.ButtonReply, InboundMessageType.ListReply, InboundMessageType.Button, InboundMessageType.Image,
            InboundMessageType.Audio, InboundMessageType.Location, InboundMessageType.Order, InboundMessageType.Unknown,
        ]);
        _host.Handler.Messages.Single(m => m.Type == InboundMessageType.Order).Order!.Items.Single().ItemPrice.ShouldBe(2500m);
        var stored = await _host.SqlAsync(c => c.QueryAsync<string>("SELECT type FROM channel_inbound_messages"));
        stored.ShouldBe(["button_reply", "list_reply", "button", "image", "audio", "location", "order", "unknown"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_failing_hand_off_is_retried_with_backoff_and_then_handed_off_once()
    {
        _host.Handler.FailNext(1);
        await PostAsync(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "hello"));

        (await _host.ProcessAsync()).ShouldBe(1);
        _host.Handler.Messages.ShouldBeEmpty();
        var row = await _host.SqlAsync(c => c.QuerySingleAsync<(string Status, string Error, int Attempts)>("SELECT status, error, attempts FROM webhook_inbox"));
        row.Status.ShouldBe("pending");
        row.Error.ShouldContain("agent unavailable");
        row.Attempts.ShouldBe(1);

        _host.Clock.Advance(TimeSpan.FromSeconds(9));
        (await _host.ProcessAsync()).ShouldBe(0); // backoff not over yet
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        (await _host.ProcessAsync()).ShouldBe(1);

        _host.Handler.Messages.ShouldHaveSingleItem().Text.ShouldBe("hello");
        (await _host.SqlAsync(c => c.QuerySingleAsync<string>("SELECT status FROM webhook_inbox"))).ShouldBe("processed");
    }

    [Fact]
    public async Task A_hand_off_that_keeps_failing_is_dead_lettered_after_the_attempt_cap_with_its_error()
    {
        _host.Handler.FailNext(100);
        await PostAsync(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "hello"));

        for (var i = 0; i < 5; i++)
        {
            await _host.ProcessAsync();
            _host.Clock.Advance(TimeSpan.FromHours(1));
        }

        _host.Handler.Calls.ShouldBe(3);
        var row = await _host.SqlAsync(c => c.QuerySingleAsync<(string Status, string Error, int Attempts)>("SELECT status, error, attempts FROM webhook_inbox"));
        row.Status.ShouldBe("dead");
        row.Attempts.ShouldBe(3);
        row.Error.ShouldContain("Gave up after 3 attempts");
        row.Error.ShouldContain("agent unavailable");
        (await _host.CountAsync("channel_inbound_messages", "handled_at IS NULL")).ShouldBe(1); // kept for recovery
    }

    [Fact]
    public async Task A_claimed_event_is_not_claimed_again_until_its_lease_expires()
    {
        await PostAsync(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "hello"));
        // Simulate a node that claimed the event and died: the claim pushed next_attempt_at out by the lease.
        await _host.SqlAsync(c => c.ExecuteAsync("UPDATE webhook_inbox SET attempts = 1, next_attempt_at = @At",
            new { At = _host.Clock.GetUtcNow().AddMinutes(5).ToUnixTimeMilliseconds() }));

        (await _host.ProcessAsync()).ShouldBe(0);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        (await _host.ProcessAsync()).ShouldBe(1);

        _host.Handler.Calls.ShouldBe(1);
        (await _host.SqlAsync(c => c.QuerySingleAsync<int>("SELECT attempts FROM webhook_inbox"))).ShouldBe(2);
    }

    [Fact]
    public async Task Events_from_other_products_are_kept_with_a_note()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("""{"object":"instagram","entry":[]}""");
        using var response = await _host.PostAsync(WhatsAppWebhookBuilder.Sign(ChannelsHost.AppSecret, body));

        await _host.ProcessAsync();

        var row = await _host.SqlAsync(c => c.QuerySingleAsync<(string Status, string Error)>("SELECT status, error FROM webhook_inbox"));
        row.Status.ShouldBe("processed");
        row.Error.ShouldContain("instagram");
    }
}

public sealed class SqliteInboxProcessorScenarios() : InboxProcessorScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresInboxProcessorScenarios() : InboxProcessorScenarios(DatabaseProvider.Postgres);
