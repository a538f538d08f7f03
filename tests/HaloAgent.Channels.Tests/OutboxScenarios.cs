using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Channels.Tests;

/// <summary>The outbox and its sender against the fake Graph server, on each real database (subclasses at the end).</summary>
public abstract class OutboxScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private FakeGraphServer _graph = null!;
    private ChannelsHost _host = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["HaloAgent:Channels:Outbox:RetryBaseDelay"] = "00:00:02",
        ["HaloAgent:Channels:Outbox:MaxAttempts"] = "4",
    };

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider), _graph, Settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private Task<EnqueueResult> EnqueueAsync(string text, string key, string to = ChannelsHost.Customer, string? callback = null) =>
        _host.Outbox.EnqueueAsync(
            new OutboundMessage(ChannelsHost.BusinessId, to, new TextContent(text), key) { BizOpaqueCallbackData = callback }, CancellationToken.None);

    private async Task<OutboundMessageState> StateAsync(string id) => (await _host.Outbox.GetAsync(id, CancellationToken.None)).ShouldNotBeNull();

    [Fact]
    public async Task Enqueuing_the_same_idempotency_key_twice_makes_one_row()
    {
        var first = await EnqueueAsync("Your order is confirmed", "instance-1:7");
        var second = await EnqueueAsync("Your order is confirmed (again)", "instance-1:7");

        first.Created.ShouldBeTrue();
        second.Created.ShouldBeFalse();
        second.Id.ShouldBe(first.Id);
        (await _host.CountAsync("outbound_messages")).ShouldBe(1);
        (await StateAsync(first.Id)).Payload.ShouldContain("Your order is confirmed\"");
    }

    [Fact]
    public async Task A_queued_message_is_sent_through_the_graph_api_with_the_business_token_and_its_wamid_recorded()
    {
        var queued = await EnqueueAsync("Welcome to Mama Nkechi's Kitchen!", "k-1", to: "+234 803 000 0001", callback: "flow:welcome:3");

        (await _host.SendAsync()).ShouldBe(1);

        var request = _graph.Sent.ShouldHaveSingleItem();
        request.PhoneNumberId.ShouldBe(ChannelsHost.PhoneNumberId);
        request.Authorization.ShouldBe($"Bearer {_graph.AccessToken}");
        request.Body["messaging_product"]!.GetValue<string>().ShouldBe("whatsapp");
        request.To.ShouldBe("2348030000001");
        request.Type.ShouldBe("text");
        request.Text.ShouldBe("Welcome to Mama Nkechi's Kitchen!");
        request.Body["biz_opaque_callback_data"]!.GetValue<string>().ShouldBe("flow:welcome:3");
        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Sent);
        state.Wamid.ShouldBe(request.Wamid);
        state.Attempts.ShouldBe(1);
        (await _host.SendAsync()).ShouldBe(0);
        _graph.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_exponential_backoff_and_the_message_is_sent_exactly_once()
    {
        _graph.FailNext(2, FakeGraphError.ServerError);
        var queued = await EnqueueAsync("Your rice is on the way", "k-1");

        (await _host.SendAsync()).ShouldBe(1);
        var afterFirst = await StateAsync(queued.Id);
        afterFirst.Status.ShouldBe(OutboundStatus.Queued);
        afterFirst.ErrorCode.ShouldBe(1);
        afterFirst.NextAttemptAt.ShouldBe(_host.Clock.GetUtcNow().AddSeconds(2));

        _host.Clock.Advance(TimeSpan.FromSeconds(1.9));
        (await _host.SendAsync()).ShouldBe(0);
        _host.Clock.Advance(TimeSpan.FromSeconds(0.1));
        (await _host.SendAsync()).ShouldBe(1);
        (await StateAsync(queued.Id)).NextAttemptAt.ShouldBe(_host.Clock.GetUtcNow().AddSeconds(4)); // doubled

        _host.Clock.Advance(TimeSpan.FromSeconds(4));
        (await _host.SendAsync()).ShouldBe(1);

        _graph.Requests.Count.ShouldBe(3);
        _graph.Sent.ShouldHaveSingleItem().Text.ShouldBe("Your rice is on the way");
        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Sent);
        state.Attempts.ShouldBe(3);
        state.ErrorCode.ShouldBeNull();
        _host.Clock.Advance(TimeSpan.FromHours(1));
        (await _host.SendAsync()).ShouldBe(0);
        _graph.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Throughput_errors_130429_are_retried_and_the_message_is_sent_once()
    {
        _graph.FailNext(1, FakeGraphError.Throughput);
        _graph.FailNext(1, FakeGraphError.PairRate);
        var queued = await EnqueueAsync("hello", "k-1");

        await _host.SendAsync();
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        await _host.SendAsync();
        _host.Clock.Advance(TimeSpan.FromSeconds(4));
        await _host.SendAsync();

        _graph.Requests.Select(r => r.Error?.Code).ShouldBe([130429, 131056, null]);
        _graph.Sent.Count.ShouldBe(1);
        (await StateAsync(queued.Id)).Status.ShouldBe(OutboundStatus.Sent);
    }

    [Fact]
    public async Task Outside_the_24_hour_window_131047_fails_at_once_saying_a_template_is_needed()
    {
        _graph.FailNext(1, FakeGraphError.OutsideWindow);
        var queued = await EnqueueAsync("Still hungry?", "k-1");

        (await _host.SendAsync()).ShouldBe(1);

        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Failed);
        state.ErrorCode.ShouldBe(131047);
        state.ErrorTitle.ShouldBe("(#131047) Re-engagement message");
        state.ErrorDetail.ShouldNotBeNull().ShouldContain("approved template");
        state.Wamid.ShouldBeNull();
        _host.Clock.Advance(TimeSpan.FromDays(2));
        (await _host.SendAsync()).ShouldBe(0);
        _graph.Requests.Count.ShouldBe(1);
    }

    public static TheoryData<int> PermanentCodes => new() { 131050, 190, 131026, 132000 };

    [Theory]
    [MemberData(nameof(PermanentCodes))]
    public async Task Permanent_refusals_are_recorded_with_metas_code_and_never_retried(int code)
    {
        var error = code switch
        {
            131050 => FakeGraphError.MarketingOptOut,
            190 => FakeGraphError.TokenExpired,
            131026 => FakeGraphError.Undeliverable,
            _ => FakeGraphError.TemplateParameters,
        };
        _graph.FailNext(1, error);
        var queued = await EnqueueAsync("Weekend promo: 10% off", "k-1");

        await _host.SendAsync();
        _host.Clock.Advance(TimeSpan.FromDays(1));
        await _host.SendAsync();

        _graph.Requests.Count.ShouldBe(1);
        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Failed);
        state.ErrorCode.ShouldBe(code);
        state.ErrorTitle.ShouldBe(error.Message);
        state.ErrorDetail.ShouldNotBeNullOrWhiteSpace();
        state.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_transiently_fails_after_the_attempt_cap_with_the_last_error()
    {
        _graph.FailNext(10, FakeGraphError.ServerError);
        var queued = await EnqueueAsync("hello", "k-1");

        for (var i = 0; i < 8; i++)
        {
            await _host.SendAsync();
            _host.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        _graph.Requests.Count.ShouldBe(4);
        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Failed);
        state.Attempts.ShouldBe(4);
        state.ErrorCode.ShouldBe(1);
    }

    [Fact]
    public async Task Several_senders_at_once_send_each_message_exactly_once()
    {
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await EnqueueAsync($"message {i}", $"k-{i}", to: $"23480300001{i:D2}")).Id);
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _host.SendAsync())));

        _graph.Requests.Count.ShouldBe(20);
        _graph.Sent.Select(r => r.Text).ShouldBe(Enumerable.Range(0, 20).Select(i => $"message {i}"), ignoreOrder: true);
        foreach (var id in ids)
        {
            (await StateAsync(id)).Status.ShouldBe(OutboundStatus.Sent);
        }
    }

    [Fact]
    public async Task Messages_to_one_customer_go_in_order_and_at_least_the_pair_spacing_apart()
    {
        await EnqueueAsync("one", "k-1");
        await EnqueueAsync("two", "k-2");
        await EnqueueAsync("three", "k-3");
        await EnqueueAsync("other customer", "k-4", to: "2348030000009");

        (await _host.SendAsync()).ShouldBe(2); // one per customer
        (await _host.SendAsync()).ShouldBe(0); // "two" waits for the 1 s pair spacing
        _host.Clock.Advance(TimeSpan.FromMilliseconds(999));
        (await _host.SendAsync()).ShouldBe(0);
        _host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        (await _host.SendAsync()).ShouldBe(1);
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        (await _host.SendAsync()).ShouldBe(1);

        _graph.Sent.Where(r => r.To == ChannelsHost.Customer).Select(r => r.Text).ShouldBe(["one", "two", "three"]);
        (await _host.SqlAsync(c => c.QuerySingleAsync<int>("SELECT MAX(attempts) FROM outbound_messages"))).ShouldBe(1); // waiting is not an attempt
    }

    [Fact]
    public async Task A_later_message_waits_while_an_earlier_one_to_the_same_customer_is_retrying()
    {
        _graph.FailNext(1, FakeGraphError.ServerError);
        await EnqueueAsync("first", "k-1");
        await EnqueueAsync("second", "k-2");

        await _host.SendAsync();
        _host.Clock.Advance(TimeSpan.FromSeconds(1.5));
        (await _host.SendAsync()).ShouldBe(0); // "second" may not overtake "first"
        _host.Clock.Advance(TimeSpan.FromSeconds(0.5));
        await _host.SendAsync();
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        await _host.SendAsync();

        _graph.Sent.Select(r => r.Text).ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task A_business_without_credentials_fails_its_message_with_a_clear_reason()
    {
        _host.Directory.Add(new ChannelBusiness("biz-no-token", "PNID-X", null));
        var queued = await _host.Outbox.EnqueueAsync(new OutboundMessage("biz-no-token", ChannelsHost.Customer, new TextContent("hi"), "k-1"), CancellationToken.None);

        (await _host.SendAsync()).ShouldBe(1);

        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Failed);
        state.ErrorTitle.ShouldNotBeNull().ShouldContain("no WhatsApp phone number id or access token");
        _graph.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Content_over_whatsapps_limits_is_refused_before_anything_is_queued()
    {
        var tooManyButtons = new ButtonsContent("Pick one", [new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D")]);

        var error = await Should.ThrowAsync<OutboundContentException>(() =>
            _host.Outbox.EnqueueAsync(new OutboundMessage(ChannelsHost.BusinessId, ChannelsHost.Customer, tooManyButtons, "k-1"), CancellationToken.None));

        error.Errors.ShouldHaveSingleItem().ShouldContain("1 to 3 buttons");
        (await _host.CountAsync("outbound_messages")).ShouldBe(0);
        await Should.ThrowAsync<ArgumentException>(() => EnqueueAsync("hi", "k-2", to: "08030000001")); // local number: no country code
    }

    [Fact]
    public async Task Delivery_reports_apply_by_rank_so_a_late_delivered_does_not_overwrite_read()
    {
        var queued = await EnqueueAsync("Order #HN-0001 confirmed", "k-1");
        await _host.SendAsync();
        var wamid = _graph.Sent.Single().Wamid!;
        var at = _host.Clock.GetUtcNow();

        await PostAsync(new WhatsAppWebhookBuilder().Status(wamid, "read", at: at.AddSeconds(5)));
        await PostAsync(new WhatsAppWebhookBuilder().Status(wamid, "delivered", at: at.AddSeconds(3)));
        await PostAsync(new WhatsAppWebhookBuilder().Status(wamid, "sent", at: at.AddSeconds(1)));
        await PostAsync(new WhatsAppWebhookBuilder().Status(wamid, "read", at: at.AddSeconds(5))); // redelivered
        await _host.ProcessAsync();

        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Read);
        state.StatusAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(at.AddSeconds(5).ToUnixTimeSeconds()));
        (await _host.CountAsync("channel_status_events", "wamid = @wamid", new { wamid })).ShouldBe(3);
    }

    [Fact]
    public async Task Delivered_then_read_in_order_ends_read()
    {
        var queued = await EnqueueAsync("hello", "k-1");
        await _host.SendAsync();
        var wamid = _graph.Sent.Single().Wamid!;

        await PostAsync(new WhatsAppWebhookBuilder().Status(wamid, "delivered"));
        await _host.ProcessAsync();
        (await StateAsync(queued.Id)).Status.ShouldBe(OutboundStatus.Delivered);
        await PostAsync(new WhatsAppWebhookBuilder().Status(wamid, "read"));
        await _host.ProcessAsync();
        (await StateAsync(queued.Id)).Status.ShouldBe(OutboundStatus.Read);
    }

    [Fact]
    public async Task A_failed_report_records_metas_error_code_and_title()
    {
        var queued = await EnqueueAsync("Your cart is waiting", "k-1");
        await _host.SendAsync();
        var wamid = _graph.Sent.Single().Wamid!;

        await PostAsync(new WhatsAppWebhookBuilder().Status(wamid, "failed", errorCode: 131047, errorTitle: "Re-engagement message"));
        await _host.ProcessAsync();

        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Failed);
        state.ErrorCode.ShouldBe(131047);
        state.ErrorTitle.ShouldBe("Re-engagement message");
        state.ErrorDetail.ShouldNotBeNull().ShouldContain("approved template");
    }

    [Fact]
    public async Task A_report_that_arrives_before_the_wamid_is_recorded_is_applied_when_it_is()
    {
        var queued = await EnqueueAsync("hello", "k-1");
        // Meta's "delivered" overtakes our own record of the send: it is stored and waits for the wamid.
        await PostAsync(new WhatsAppWebhookBuilder().Status("wamid.EARLY", "delivered"));
        await _host.ProcessAsync();
        (await StateAsync(queued.Id)).Status.ShouldBe(OutboundStatus.Queued);

        await _host.SqlAsync(c => c.ExecuteAsync("UPDATE outbound_messages SET status = 'sending', next_attempt_at = 0"));
        var database = (Persistence.ChannelsDatabase)_host.Services.GetService(typeof(Persistence.ChannelsDatabase))!;
        await database.WriteAsync(async scope =>
        {
            await scope.Connection.ExecuteAsync(scope.Command("UPDATE outbound_messages SET status = 'sent', wamid = 'wamid.EARLY'"));
            await DeliveryStatusRecorder.ApplyStoredAsync(scope.Connection, scope.Transaction, "wamid.EARLY", 1, CancellationToken.None);
            return true;
        }, CancellationToken.None);

        (await StateAsync(queued.Id)).Status.ShouldBe(OutboundStatus.Delivered);
    }

    [Fact]
    public async Task Sends_every_content_type_in_the_graph_shape()
    {
        var contents = new OutboundContent[]
        {
            new ButtonsContent("Pickup or delivery?", [new("pickup", "Pickup"), new("delivery", "Delivery")]) { Footer = "Mama Nkechi" },
            new ListContent("Our menu", "See menu", [new ListSection("Rice", [new ListRow("sku-jollof", "Jollof rice", "₦2,500")])]),
            ImageContent.FromLink("https://example.com/jollof.jpg", "Party jollof"),
            new TemplateContent("cart_reminder", "ha", [new TemplateComponent("body", [TemplateParameter.Text("Ada")])]),
        };
        for (var i = 0; i < contents.Length; i++)
        {
            await _host.Outbox.EnqueueAsync(new OutboundMessage(ChannelsHost.BusinessId, $"23480300000{i:D2}", contents[i], $"k-{i}"), CancellationToken.None);
        }

        (await _host.SendAsync()).ShouldBe(4);

        var bodies = _graph.Sent.ToDictionary(r => r.To!, r => r.Body);
        bodies["2348030000000"]["interactive"]!["action"]!["buttons"]![1]!["reply"]!["title"]!.GetValue<string>().ShouldBe("Delivery");
        bodies["2348030000001"]["interactive"]!["action"]!["sections"]![0]!["rows"]![0]!["description"]!.GetValue<string>().ShouldBe("₦2,500");
        bodies["2348030000002"]["image"]!["link"]!.GetValue<string>().ShouldBe("https://example.com/jollof.jpg");
        bodies["2348030000003"]["template"]!["language"]!["code"]!.GetValue<string>().ShouldBe("ha");
        bodies["2348030000003"]["template"]!["components"]![0]!["parameters"]![0]!.ToJsonString().ShouldBe("""{"type":"text","text":"Ada"}""");
    }

    private async Task PostAsync(WhatsAppWebhookBuilder webhook)
    {
        using var response = await _host.PostAsync(webhook);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class SqliteOutboxScenarios() : OutboxScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresOutboxScenarios() : OutboxScenarios(DatabaseProvider.Postgres);

/// <summary>The per-number throughput limit, with a low rate so it shows (SQLite: the limiter itself is database-free).</summary>
public sealed class ThroughputLimitScenarios : IAsyncLifetime
{
    private FakeGraphServer _graph = null!;
    private ChannelsHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _host = await ChannelsHost.StartAsync(
            await DatabaseTarget.CreateAsync(DatabaseProvider.Sqlite), _graph, new Dictionary<string, string?> { ["WhatsApp:MessagesPerSecond"] = "2" });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task No_more_than_the_configured_messages_per_second_leave_one_number()
    {
        for (var i = 0; i < 5; i++)
        {
            await _host.Outbox.EnqueueAsync(new OutboundMessage(ChannelsHost.BusinessId, $"23480300000{i:D2}", new TextContent($"m{i}"), $"k-{i}"), CancellationToken.None);
        }

        // Sends within a batch run in parallel, so only which messages went in each step is fixed (oldest first).
        (await _host.SendAsync()).ShouldBe(2); // the bucket holds one second's worth
        _graph.Sent.Select(r => r.Text).ShouldBe(["m0", "m1"], ignoreOrder: true);
        (await _host.SendAsync()).ShouldBe(0);
        _host.Clock.Advance(TimeSpan.FromMilliseconds(499));
        (await _host.SendAsync()).ShouldBe(0);
        _host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        (await _host.SendAsync()).ShouldBe(1);
        _graph.Sent[2].Text.ShouldBe("m2");
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        (await _host.SendAsync()).ShouldBe(2);

        _graph.Sent.Skip(3).Select(r => r.Text).ShouldBe(["m3", "m4"], ignoreOrder: true);
        (await _host.SqlAsync(c => c.QuerySingleAsync<int>("SELECT MAX(attempts) FROM outbound_messages"))).ShouldBe(1);
    }
}
