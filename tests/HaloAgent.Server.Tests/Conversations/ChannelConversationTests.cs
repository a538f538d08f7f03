using System.Net;
using System.Text.Json.Nodes;
using HaloAgent.Channels.WebChat;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using HaloAgent.Testing.FakeTwilio;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// The same agent behind the other two transports: a visitor orders on the web chat page, and a Twilio WhatsApp
/// customer is answered through Twilio's REST API. One conversation model: same flows, same templates, same orders.
/// </summary>
public sealed class ChannelConversationTests : IAsyncLifetime
{
    private const string TwilioAuthToken = "twilio-test-token";
    private const string TwilioNumber = "+2348000000099";
    private const string TwilioWebhookUrl = "https://halo.example.ng/webhooks/twilio";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private FakeGraphServer _graph = null!;
    private FakeTwilioServer _twilio = null!;
    private HaloAgentFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _twilio = await FakeTwilioServer.StartAsync(TwilioAuthToken);
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = "secret",
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = _graph.AccessToken,
            ["Twilio:AuthToken"] = TwilioAuthToken,
            ["Twilio:AccountSid"] = _twilio.AccountSid,
            ["Twilio:ApiBaseUrl"] = _twilio.Url,
            ["Twilio:Number"] = TwilioNumber,
            ["Twilio:WebhookUrl"] = TwilioWebhookUrl,
            ["WhatsApp:PairSpacing"] = "00:00:00",
        }, _clock);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _twilio.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task A_web_chat_visitor_orders_for_delivery_from_the_same_agent()
    {
        var visitor = new WebChatCustomer(_client, DemoBusinessSeeder.DemoSlug);
        await visitor.StartAsync();

        await visitor.SaysAsync("Hello", r => Text(r).Contains("Mama Nkechi"), "a greeting naming the business");
        await visitor.SaysAsync("I want 2 jollof rice", r => Text(r).Contains("7,000"), "2 × ₦3,500 in the cart");
        var asked = await visitor.SaysAsync("no", r => Choices(r).Contains("delivery"), "pickup or delivery buttons");
        Choices(asked.Last(r => Choices(r).Count > 0)).ShouldBe(["pickup", "delivery"]);
        await visitor.TapsAsync("delivery", "Delivery", r => r["type"]!.GetValue<string>() == "text", "a request for the address");
        var summary = await visitor.SaysAsync("12 Allen Avenue, Ikeja", r => Choices(r).Contains("confirm"), "the summary with a confirm button");
        Text(summary[0]).ShouldContain("9,500");
        var placed = await visitor.TapsAsync("confirm", "Yes", r => Text(r).Contains("MNK-"), "the order number");

        var businessId = (await Service<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!.Id;
        var contact = (await Service<IContactService>().FindByWaIdAsync(businessId, "web:" + Service<WebChatSessions>().Check(businessId, visitor.SessionId).Key, default)).ShouldNotBeNull();
        contact.Channel.ShouldBe("webchat");
        contact.PhoneE164.ShouldBeNull();
        var order = (await Service<IOrderService>().ListForContactAsync(businessId, contact.Id, 10, default)).ShouldHaveSingleItem();
        order.TotalKobo.ShouldBe(9_500_00);
        placed.ShouldContain(r => Text(r).Contains(order.Number));
        _graph.Sent.ShouldBeEmpty(); // nothing of this conversation went to WhatsApp
    }

    [Fact]
    public async Task A_twilio_whatsapp_customer_is_answered_through_twilios_rest_api()
    {
        const string customer = "2348035550101";
        var form = TwilioWebhookBuilder.Text(customer, TwilioNumber, "Hello", "Bisi");
        using (var response = await _client.SendAsync(TwilioWebhookBuilder.ToRequest(TwilioWebhookUrl, TwilioAuthToken, form)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await _twilio.WaitForSentAsync(1, TimeSpan.FromSeconds(30));
        var greeting = _twilio.Sent[0];
        greeting.From.ShouldBe($"whatsapp:{TwilioNumber}");
        greeting.To.ShouldBe($"whatsapp:+{customer}");
        greeting.Body.ShouldContain("Mama Nkechi");

        var order = TwilioWebhookBuilder.Text(customer, TwilioNumber, "I want 2 jollof rice", "Bisi");
        using (var response = await _client.SendAsync(TwilioWebhookBuilder.ToRequest(TwilioWebhookUrl, TwilioAuthToken, order)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(_twilio.Sent), s => s.Any(m => m.Body.Contains("7,000")), TimeSpan.FromSeconds(30), "the cart over Twilio");
        _graph.Sent.ShouldBeEmpty();
    }

    private T Service<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private static string Text(JsonObject message) => message["text"]?.GetValue<string>() ?? "";

    private static IReadOnlyList<string> Choices(JsonObject message) =>
        message["choices"]?.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList() ?? [];
}
