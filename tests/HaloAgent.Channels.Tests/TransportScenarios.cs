using System.Text.Json.Nodes;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;
using HaloAgent.Testing.FakeTwilio;

namespace HaloAgent.Channels.Tests;

/// <summary>
/// One outbox, three transports: WhatsApp's Graph API, Twilio's REST API and web chat; and the re-engagement template
/// when the 24-hour window has closed. Real database, fake Graph and Twilio servers on loopback.
/// </summary>
public abstract class TransportScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Template = "halo_message_update";
    private FakeGraphServer _graph = null!;
    private FakeTwilioServer _twilio = null!;
    private ChannelsHost _host = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _twilio = await FakeTwilioServer.StartAsync(ChannelsHost.TwilioAuthToken);
        _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider), _graph, new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = _twilio.AccountSid,
            ["Twilio:ApiBaseUrl"] = _twilio.Url,
            ["WhatsApp:ReengagementTemplate"] = Template,
            ["HaloAgent:Channels:Outbox:RetryBaseDelay"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twilio.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private Task<EnqueueResult> EnqueueAsync(OutboundContent content, string key, ChannelKind channel, string to = ChannelsHost.Customer, string? language = null) =>
        _host.Outbox.EnqueueAsync(
            new OutboundMessage(ChannelsHost.BusinessId, to, content, key) { Channel = channel, TemplateLanguage = language }, CancellationToken.None);

    private async Task<OutboundMessageState> StateAsync(string id) => (await _host.Outbox.GetAsync(id, CancellationToken.None)).ShouldNotBeNull();

    [Fact]
    public async Task A_twilio_conversation_is_answered_through_twilios_rest_api_from_the_business_number()
    {
        var queued = await EnqueueAsync(new TextContent("Your order MNK-0001 is confirmed."), "k-1", ChannelKind.Twilio);

        (await _host.SendAsync()).ShouldBe(1);

        var sent = _twilio.Sent.ShouldHaveSingleItem();
        sent.From.ShouldBe("whatsapp:" + ChannelsHost.TwilioNumber);
        sent.To.ShouldBe("whatsapp:+" + ChannelsHost.Customer);
        sent.Body.ShouldBe("Your order MNK-0001 is confirmed.");
        _graph.Requests.ShouldBeEmpty();
        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Sent);
        state.Wamid.ShouldBe(sent.Sid);
    }

    [Fact]
    public async Task Buttons_and_lists_reach_twilio_customers_as_text_with_the_choices_listed()
    {
        await EnqueueAsync(new ButtonsContent("Delivery or pickup?", [new ReplyButton("delivery", "Delivery"), new ReplyButton("pickup", "Pickup")]), "k-1", ChannelKind.Twilio);

        await _host.SendAsync();

        _twilio.Sent.ShouldHaveSingleItem().Body.ShouldBe("Delivery or pickup?\n• Delivery\n• Pickup");
    }

    [Fact]
    public async Task Twilio_server_errors_are_retried_and_its_session_window_refusal_is_recorded_for_the_owner()
    {
        _twilio.FailNext(1, 500, 20500, "Internal Server Error");
        var retried = await EnqueueAsync(new TextContent("first"), "k-1", ChannelKind.Twilio);
        await _host.SendAsync();
        (await StateAsync(retried.Id)).Status.ShouldBe(OutboundStatus.Queued);
        _host.Clock.Advance(TimeSpan.FromSeconds(3));
        await _host.SendAsync();
        (await StateAsync(retried.Id)).Status.ShouldBe(OutboundStatus.Sent);

        _twilio.FailNext(1, 400, 63016, "Failed to send freeform message because you are outside the allowed window.");
        var refused = await EnqueueAsync(new TextContent("second"), "k-2", ChannelKind.Twilio);
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        await _host.SendAsync();

        var state = await StateAsync(refused.Id);
        state.Status.ShouldBe(OutboundStatus.Failed);
        state.ErrorCode.ShouldBe(63016);
        state.ErrorDetail.ShouldNotBeNull().ShouldContain("24-hour");
        _twilio.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Web_chat_replies_are_recorded_for_the_page_without_calling_any_provider()
    {
        var queued = await EnqueueAsync(new TextContent("Hello from the kitchen"), "k-1", ChannelKind.WebChat, to: "web:AbCdEfGhIjKlMnOpQr_1");

        (await _host.SendAsync()).ShouldBe(1);

        var state = await StateAsync(queued.Id);
        state.Status.ShouldBe(OutboundStatus.Sent);
        state.Wamid.ShouldBe("webchat." + queued.Id);
        _graph.Requests.ShouldBeEmpty();
        _twilio.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_web_chat_reply_needs_a_web_chat_contact_key()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() => EnqueueAsync(new TextContent("hi"), "k-1", ChannelKind.WebChat, to: ChannelsHost.Customer));

        error.Message.ShouldContain("web chat contact key");
        (await _host.CountAsync("outbound_messages")).ShouldBe(0);
    }

    [Fact]
    public async Task Outside_the_24_hour_window_the_message_goes_again_as_the_approved_template_in_the_contacts_language()
    {
        _graph.FailNext(1, FakeGraphError.OutsideWindow);
        var refused = await EnqueueAsync(
            new ButtonsContent("Your order MNK-0007 is ready.\nCome and pick it up", [new ReplyButton("ok", "OK")]), "k-1", ChannelKind.WhatsApp, language: "ha");

        (await _host.SendAsync()).ShouldBe(1);

        var state = await StateAsync(refused.Id);
        state.Status.ShouldBe(OutboundStatus.Failed);
        state.ErrorCode.ShouldBe(131047);
        state.ErrorDetail.ShouldNotBeNull().ShouldContain($"Sent again as the approved template '{Template}'");

        _host.Clock.Advance(TimeSpan.FromSeconds(2)); // the pair spacing to this customer
        (await _host.SendAsync()).ShouldBe(1);
        var template = _graph.Sent.ShouldHaveSingleItem();
        template.Type.ShouldBe("template");
        template.Body["template"]!["name"]!.GetValue<string>().ShouldBe(Template);
        template.Body["template"]!["language"]!["code"]!.GetValue<string>().ShouldBe("ha");
        var parameter = template.Body["template"]!["components"]![0]!["parameters"]![0]!["text"]!.GetValue<string>();
        parameter.ShouldBe("Your order MNK-0007 is ready. · Come and pick it up");
        var fallback = (await _host.Outbox.FindByIdempotencyKeyAsync("k-1:template", CancellationToken.None)).ShouldNotBeNull();
        fallback.Status.ShouldBe(OutboundStatus.Sent);
    }

    [Fact]
    public async Task A_template_refused_for_the_window_is_not_replaced_by_another_template()
    {
        _graph.FailNext(1, FakeGraphError.OutsideWindow);
        var refused = await EnqueueAsync(new TemplateContent("order_update", "en"), "k-1", ChannelKind.WhatsApp);

        await _host.SendAsync();
        (await _host.SendAsync()).ShouldBe(0);

        (await StateAsync(refused.Id)).Status.ShouldBe(OutboundStatus.Failed);
        (await _host.CountAsync("outbound_messages")).ShouldBe(1);
    }
}

public sealed class SqliteTransportScenarios() : TransportScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresTransportScenarios() : TransportScenarios(DatabaseProvider.Postgres);

public sealed class GraphPayloadTextTests
{
    [Fact]
    public void A_list_reads_as_its_header_body_rows_and_footer()
    {
        var list = new ListContent("Our menu today", "Menu", [new ListSection("Rice", [new ListRow("sku:JOLLOF-RICE", "Jollof rice", "₦3,500")])])
        {
            Header = "Mama Nkechi",
            Footer = "Tap to choose",
        };

        GraphPayloadText.Render(list.ToGraphRequest("2348030000001")).ShouldBe("Mama Nkechi\nOur menu today\n• Jollof rice\nTap to choose");
    }

    [Fact]
    public void A_template_reads_as_its_text_parameters()
    {
        var template = new TemplateContent("order_update", "en", [new TemplateComponent("body", [TemplateParameter.Text("MNK-0001"), TemplateParameter.Text("ready")])]);

        GraphPayloadText.Render(template.ToGraphRequest("2348030000001")).ShouldBe("MNK-0001 ready");
    }

    [Theory]
    [InlineData("line one\n\nline two", "line one · line two")]
    [InlineData("tabs\tand     spaces", "tabs and spaces")]
    public void Template_parameters_hold_no_line_breaks_or_runs_of_spaces(string text, string expected) =>
        ReengagementFallback.Parameter(text).ShouldBe(expected);

    [Fact]
    public void A_long_text_is_cut_to_fit_a_template_body() =>
        ReengagementFallback.Parameter(new string('a', 2000)).Length.ShouldBe(900);
}
