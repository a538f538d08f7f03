using System.Text.Json.Nodes;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// The server on PostgreSQL with WhatsApp pointed at a fake Graph server, on a clock the test moves: what the
/// whole-conversation tests talk to through the signed webhook, as <see cref="Customer"/>s.
/// </summary>
public sealed class WhatsAppConversationServer : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret";

    private WhatsAppConversationServer(ManualClock clock, FakeGraphServer graph, HaloAgentFactory factory)
    {
        Clock = clock;
        Graph = graph;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public ManualClock Clock { get; }

    public FakeGraphServer Graph { get; }

    public HaloAgentFactory Factory { get; }

    public HttpClient Client { get; }

    public static async Task<WhatsAppConversationServer> StartAsync()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var graph = await FakeGraphServer.StartAsync();
        var factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Postgres, new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = "verify-me",
            ["WhatsApp:GraphBaseUrl"] = graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = graph.AccessToken,
            ["WhatsApp:PairSpacing"] = "00:00:00",
        }, clock);
        return new WhatsAppConversationServer(clock, graph, factory);
    }

    public WhatsAppCustomer Customer(string phone) => new(Client, Graph, AppSecret, phone);

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public async Task<string> DemoBusinessIdAsync() =>
        (await Service<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!.Id;

    public async Task<ContactInfo> ContactAsync(string phone) =>
        (await Service<IContactService>().FindByWaIdAsync(await DemoBusinessIdAsync(), phone, default))!;

    public static IReadOnlyList<string> ButtonIds(FakeGraphRequest request) => Buttons(request, "id");

    public static IReadOnlyList<string> ButtonTitles(FakeGraphRequest request) => Buttons(request, "title");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Graph.DisposeAsync();
    }

    private static List<string> Buttons(FakeGraphRequest request, string field) =>
        request.Body["interactive"]!["action"]!["buttons"]!.AsArray().Select(b => b!["reply"]![field]!.GetValue<string>()).ToList();
}
