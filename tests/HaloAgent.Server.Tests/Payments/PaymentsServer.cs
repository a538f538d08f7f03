using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Orders;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using HaloAgent.Testing.FakePaystack;
using HaloAgent.Testing.FakeTranscription;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Payments;

/// <summary>
/// The real server (PostgreSQL) with fake Meta Graph, Paystack and transcription servers and a manual clock, plus the
/// steps the payment journeys share: placing an order through the signed webhook, sending a receipt image, the owner's
/// signed-in client.
/// </summary>
public sealed partial class PaymentsServer : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret";

    private HttpClient? _owner;

    private PaymentsServer(FakeGraphServer graph, FakePaystackServer paystack, FakeTranscriptionServer transcription, ManualClock clock, HaloAgentFactory factory)
    {
        Graph = graph;
        Paystack = paystack;
        Transcription = transcription;
        Clock = clock;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public FakeGraphServer Graph { get; }

    public FakePaystackServer Paystack { get; }

    public FakeTranscriptionServer Transcription { get; }

    public ManualClock Clock { get; }

    public HaloAgentFactory Factory { get; }

    public HttpClient Client { get; }

    public static async Task<PaymentsServer> StartAsync(bool transcription = true, IReadOnlyDictionary<string, string>? extra = null)
    {
        var graph = await FakeGraphServer.StartAsync();
        var paystack = await FakePaystackServer.StartAsync();
        var speech = await FakeTranscriptionServer.StartAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = "verify-me",
            ["WhatsApp:GraphBaseUrl"] = graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = graph.AccessToken,
            ["WhatsApp:PairSpacing"] = "00:00:00",
            ["Paystack:BaseUrl"] = paystack.BaseUrl,
            ["Paystack:SecretKey"] = paystack.SecretKey,
            ["HaloAgent:Payments:ReminderAfter"] = "03:00:00",
            ["HaloAgent:Payments:CancelAfter"] = "1.00:00:00",
        };
        if (transcription)
        {
            settings["HaloAgent:Transcription:BaseUrl"] = speech.BaseUrl;
            settings["HaloAgent:Transcription:ApiKey"] = speech.ApiKey!;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Postgres, settings, clock);
        return new PaymentsServer(graph, paystack, speech, clock, factory);
    }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public async Task<HttpClient> OwnerAsync() => _owner ??= await Factory.SignedInClientAsync(AuthPolicies.Owner);

    public async Task<string> DemoBusinessIdAsync() =>
        (await Service<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!.Id;

    public WhatsAppCustomer Customer(string phone) => new(Client, Graph, AppSecret, phone);

    /// <summary>Two jollof rice for pickup (₦7,000), confirmed; returns the order and the payment reference from the instructions.</summary>
    public async Task<PlacedOrder> PlaceOrderAsync(WhatsAppCustomer customer, string order = "I want 2 jollof rice", string nothingElse = "no")
    {
        await customer.SaysAsync(order, r => r.Text?.Contains("7,000") == true, "2 × ₦3,500 in the cart");
        await customer.SaysAsync(nothingElse, r => r.Type == "interactive", "pickup or delivery buttons");
        await customer.TapsAsync("pickup", "Pickup", r => r.Type == "interactive", "the summary with a confirm button");
        var placed = await customer.TapsAsync("confirm", "Yes", r => Reference().IsMatch(r.Text ?? ""), "payment instructions with a reference");
        var instructions = placed.Last(r => Reference().IsMatch(r.Text ?? "")).Text!;
        var number = OrderNumber().Match(string.Concat(placed.Select(r => r.Text))).Value;
        var view = (await Service<IOrderService>().FindByNumberAsync(await DemoBusinessIdAsync(), number, default))!;
        return new PlacedOrder(view.Id, number, Reference().Match(instructions).Value, instructions);
    }

    public Task<OrderView> OrderAsync(string orderId) => Service<IOrderService>().GetAsync(orderId, default)!;

    /// <summary>Sends an image message whose media the fake Graph serves; waits for a reply matching <paramref name="expected"/>.</summary>
    public Task<IReadOnlyList<FakeGraphRequest>> SendImageAsync(
        WhatsAppCustomer customer, byte[] bytes, string mimeType, Func<FakeGraphRequest, bool> expected, string what, string? caption = null) =>
        SendMediaIdAsync(customer, Graph.AddMedia(bytes, mimeType), mimeType, expected, what, caption);

    public Task<IReadOnlyList<FakeGraphRequest>> SendMediaIdAsync(
        WhatsAppCustomer customer, string mediaId, string mimeType, Func<FakeGraphRequest, bool> expected, string what, string? caption = null) =>
        customer.SendAsync(new WhatsAppWebhookBuilder().Image(customer.Phone, mediaId, caption, mimeType, name: "Ada"), expected, what);

    public async Task<JsonArray> ReviewQueueAsync() => (await (await OwnerAsync()).GetFromJsonAsync<JsonArray>("/api/payments/review"))!;

    public async Task<JsonObject?> ReviewItemAsync(string reference) =>
        (await ReviewQueueAsync()).Select(i => i!.AsObject()).FirstOrDefault(i => i["payment"]!["reference"]!.GetValue<string>() == reference);

    public async ValueTask DisposeAsync()
    {
        _owner?.Dispose();
        Client.Dispose();
        await Factory.DisposeAsync();
        await Graph.DisposeAsync();
        await Paystack.DisposeAsync();
        await Transcription.DisposeAsync();
    }

    [GeneratedRegex("HLO-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}")]
    public static partial Regex Reference();

    [GeneratedRegex("MNK-[0-9]{4}")]
    private static partial Regex OrderNumber();
}
