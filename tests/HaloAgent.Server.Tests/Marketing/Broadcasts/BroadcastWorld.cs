using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Marketing.Broadcasts;
using HaloAgent.Marketing.Templates;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Marketing.Broadcasts;

/// <summary>
/// A server with a fake Graph on loopback, a manual clock (10:00 WAT unless moved), the "weekend_offer" template
/// approved in English and Hausa, and helpers to add customers, a segment and a broadcast as a marketer does.
/// </summary>
public sealed class BroadcastWorld : IAsyncDisposable
{
    public const string AppSecret = "broadcast-secret";
    public const string Tag = "bcast";

    private BroadcastWorld(FakeGraphServer graph, HaloAgentFactory factory, ManualClock clock, string businessId, HttpClient marketer)
    {
        (Graph, Factory, Clock, BusinessId, Marketer) = (graph, factory, clock, businessId, marketer);
    }

    public FakeGraphServer Graph { get; }

    public HaloAgentFactory Factory { get; }

    public ManualClock Clock { get; }

    public string BusinessId { get; }

    public HttpClient Marketer { get; private set; }

    /// <summary>Signs the marketer in again (after the clock moved past their session's idle limit).</summary>
    public async Task SignInAgainAsync()
    {
        Marketer.Dispose();
        Marketer = await Factory.SignedInClientAsync(AuthPolicies.Marketer);
    }

    /// <param name="runWorker">False: the test drives the sender's and tracker's passes itself.</param>
    public static async Task<BroadcastWorld> StartAsync(
        bool runWorker, IReadOnlyDictionary<string, string>? settings = null, DateTimeOffset? now = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var graph = await FakeGraphServer.StartAsync();
        var clock = new ManualClock(now ?? new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var all = new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:GraphBaseUrl"] = graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = graph.AccessToken,
            ["HaloAgent:Marketing:RunWorker"] = runWorker ? "true" : "false",
            ["HaloAgent:Marketing:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var factory = await HaloAgentFactory.CreateAsync(provider, all, clock);
        var businessId = await DashboardSeed.DemoBusinessIdAsync(factory.Services);
        var catalog = factory.Services.GetRequiredService<ITemplateCatalog>();
        foreach (var (language, body) in new[] { ("en", "Hello {{1}}, jollof is 10% off this weekend!"), ("ha", "Sannu {{1}}, jollof da rangwame!") })
        {
            await catalog.UpsertAsync(new WhatsAppTemplate
            {
                BusinessId = businessId, Name = "weekend_offer", Language = language, Category = "MARKETING", Status = WhatsAppTemplateStatus.Approved,
                Body = body, ParameterCount = 1,
            }, default);
        }

        var marketer = await factory.SignedInClientAsync(AuthPolicies.Marketer);
        return new BroadcastWorld(graph, factory, clock, businessId, marketer);
    }

    /// <summary>A customer tagged for the test's segment; consent and opt-out as given.</summary>
    public async Task<ContactInfo> CustomerAsync(string key, string name, string language, bool consent = true, bool optedOut = false, string channel = "whatsapp")
    {
        var contacts = Factory.Services.GetRequiredService<IContactService>();
        var contact = (await contacts.UpsertFromInboundAsync(BusinessId, key, name, null, channel, default)).Contact;
        await contacts.SetLanguageAsync(contact.Id, language, default);
        await contacts.SetTagsAsync(contact.Id, [Tag], default);
        if (consent)
        {
            await contacts.OptInAsync(contact.Id, default);
        }

        if (optedOut)
        {
            await contacts.OptOutAsync(contact.Id, default);
        }

        return contact;
    }

    public async Task<string> SegmentAsync()
    {
        using var created = await Marketer.PostAsJsonAsync("/api/segments", new
        {
            name = $"Tagged {Guid.NewGuid():N}"[..20],
            filter = new { match = "all", conditions = new object[] { new { field = "tag", op = "has", value = Tag } } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public object Draft(string segmentId, string name = "Weekend jollof") =>
        new { name, segmentId, templateName = "weekend_offer", fallbackLanguage = "en", parameters = new[] { "{name}" } };

    /// <summary>Creates the draft and schedules it to go now; returns its id.</summary>
    public async Task<string> SendNowAsync(string segmentId, string name = "Weekend jollof")
    {
        using var created = await Marketer.PostAsJsonAsync("/api/broadcasts", Draft(segmentId, name));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        using var scheduled = await Marketer.PostAsJsonAsync($"/api/broadcasts/{id}/schedule", new { });
        scheduled.StatusCode.ShouldBe(HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        return id;
    }

    public async Task<JsonObject> BroadcastAsync(string id) => (await Marketer.GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}"))!;

    public async Task<List<JsonObject>> RecipientsAsync(string id, string? status = null) =>
        (await Marketer.GetFromJsonAsync<JsonArray>($"/api/broadcasts/{id}/recipients{(status is null ? "" : $"?status={status}")}"))!
            .Select(r => r!.AsObject()).ToList();

    /// <summary>Runs the sender's passes until it says nothing more is due (the worker is off in these tests).</summary>
    public async Task SendPassesAsync()
    {
        var dispatcher = Factory.Services.GetRequiredService<BroadcastDispatcher>();
        for (var i = 0; i < 100 && await dispatcher.RunOnceAsync(default); i++)
        {
        }
    }

    /// <summary>Runs the tracker until every recipient's outbox state is what the outbox says (one pass reads all here).</summary>
    public Task TrackAsync() => Factory.Services.GetRequiredService<BroadcastTracker>().RunOnceAsync(default);

    /// <summary>Waits until the outbox has dealt with every queued message (sent or failed for good).</summary>
    public Task OutboxSettledAsync(int graphCalls) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Graph.Requests.Count(r => !r.IsReadReceipt)), n => n >= graphCalls, TimeSpan.FromSeconds(30), $"{graphCalls} Graph calls");

    public static string? TemplateLanguage(FakeGraphRequest request) => request.Body["template"]?["language"]?["code"]?.GetValue<string>();

    public static string? FirstParameter(FakeGraphRequest request) =>
        request.Body["template"]?["components"]?[0]?["parameters"]?[0]?["text"]?.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        Marketer.Dispose();
        await Factory.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
