using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>One contact's page (GET /api/contacts/{id}), its edits (PATCH: language, tags) and forgetting a fact, with who may do which.</summary>
public sealed class ContactDetailApiTests : IAsyncLifetime
{
    private const string AppSecret = "contact-detail-secret";
    private FakeGraphServer _graph = null!;
    private HaloAgentFactory _factory = null!;
    private string _businessId = "";

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = _graph.AccessToken,
            ["WhatsApp:PairSpacing"] = "00:00:00",
        });
        _businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task The_page_shows_profile_consent_orders_conversation_and_facts()
    {
        var customer = new WhatsAppCustomer(_factory.CreateClient(), _graph, AppSecret, "2348033330001");
        await customer.SaysAsync("Hello", r => r.Text?.Contains("Mama Nkechi") == true, "the greeting");
        var contact = (await Service<IContactService>().FindByWaIdAsync(_businessId, customer.Phone, default))!;
        await Service<IConversationMemory>().SetFactAsync(_businessId, contact.Id, ConversationFacts.Address, "12 Allen Avenue", default);
        var order = await DashboardSeed.OrderAsync(_factory.Services, _businessId, contact.Id, quantity: 3);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);

        var page = await GetAsync(owner, contact.Id);
        page["name"]!.GetValue<string>().ShouldBe("Ada");
        page["phone"]!.GetValue<string>().ShouldBe("+2348033330001");
        page["channel"]!.GetValue<string>().ShouldBe("whatsapp");
        page["language"]!.GetValue<string>().ShouldBe("en");
        page["orderCount"]!.GetValue<int>().ShouldBe(1);
        page["firstSeenAt"].ShouldNotBeNull();
        page["lastSeenAt"].ShouldNotBeNull();
        page["consent"]!.GetValue<string>().ShouldBe("not_asked");
        var history = page["consentHistory"]!.AsArray().ShouldHaveSingleItem()!;
        history["kind"]!.GetValue<string>().ShouldBe("data");
        history["how"]!.GetValue<string>().ShouldContain("WhatsApp");
        var placed = page["orders"]!.AsArray().ShouldHaveSingleItem()!;
        placed["number"]!.GetValue<string>().ShouldBe(order.Number);
        placed["items"]!.GetValue<string>().ShouldContain("3 × ");
        placed["totalKobo"]!.GetValue<long>().ShouldBe(order.TotalKobo);
        placed["status"]!.GetValue<string>().ShouldBe("PendingPayment");
        var messages = page["conversation"]!.AsArray();
        messages[0]!["text"]!.GetValue<string>().ShouldBe("Hello");
        messages[^1]!["direction"]!.GetValue<string>().ShouldBe("out", "oldest first: the agent's answer is last");
        page["facts"]!.AsArray().ShouldContain(f => f!["key"]!.GetValue<string>() == "address" && f["value"]!.GetValue<string>() == "12 Allen Avenue");
        page["languages"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["en", "pcm", "yo", "ig", "ha"]);

        // A marketer reads the profile and orders, not the chat (as with /api/conversations).
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        var asMarketer = await GetAsync(marketer, contact.Id);
        asMarketer["orders"]!.AsArray().Count.ShouldBe(1);
        asMarketer["conversation"].ShouldBeNull();
    }

    [Fact]
    public async Task The_owner_or_an_agent_changes_language_and_tags_and_the_audit_log_says_so()
    {
        var contact = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348033330011", "Tagged");
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);

        var changed = await PatchAsync(agent, contact.Id, new { language = "Yoruba", tags = new[] { " VIP ", "lekki", "vip" } });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var page = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        page["language"]!.GetValue<string>().ShouldBe("yo");
        page["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["vip", "lekki"]);

        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        (await GetAsync(owner, contact.Id))["tags"]!.AsArray().Count.ShouldBe(2, "kept");
        (await ContactListStateTests.SearchAsync(owner, null, tag: "VIP")).ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(contact.Id);
        (await ContactListStateTests.SearchAsync(owner, "lekki")).ShouldContain(c => c!["id"]!.GetValue<string>() == contact.Id, "a tag is searched too");
        (await ContactListStateTests.SearchAsync(owner, null, tag: "nobody-has-this")).ShouldBeEmpty();

        // Only the tags this time: the language stays.
        (await PatchAsync(owner, contact.Id, new { tags = Array.Empty<string>() })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await GetAsync(owner, contact.Id);
        after["tags"]!.AsArray().ShouldBeEmpty();
        after["language"]!.GetValue<string>().ShouldBe("yo");

        var audit = (await owner.GetFromJsonAsync<JsonObject>("/api/audit?action=contact"))!["items"]!.AsArray()
            .Where(i => i!["action"]!.GetValue<string>() == "contact.edit" && i["targetId"]!.GetValue<string>() == contact.Id).ToList();
        audit.Count.ShouldBe(2);
        var first = audit.Single(i => i!["actorRole"]!.GetValue<string>() == AuthPolicies.Agent)!;
        first["before"]!["language"]!.GetValue<string>().ShouldBe("en");
        first["after"]!["language"]!.GetValue<string>().ShouldBe("yo");
        first["after"]!["tags"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_team_note_is_kept_shown_beside_the_chat_and_logged_without_its_text()
    {
        var contact = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348033330031", "Noted");
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);

        var changed = await PatchAsync(agent, contact.Id, new { teamNote = "  Allergic to groundnuts.\r\nPays on delivery.  " });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await changed.Content.ReadFromJsonAsync<JsonObject>())!["teamNote"]!.GetValue<string>().ShouldBe("Allergic to groundnuts.\nPays on delivery.");
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        (await GetAsync(owner, contact.Id))["language"]!.GetValue<string>().ShouldBe("en", "a note alone changes nothing else");
        (await owner.GetFromJsonAsync<JsonObject>($"/api/conversations/{contact.Id}"))!["teamNote"]!.GetValue<string>().ShouldStartWith("Allergic");

        var entry = (await owner.GetFromJsonAsync<JsonObject>("/api/audit?action=contact"))!["items"]!.AsArray()
            .Single(i => i!["action"]!.GetValue<string>() == "contact.edit" && i["targetId"]!.GetValue<string>() == contact.Id)!;
        entry.ToJsonString().ShouldNotContain("groundnuts", Case.Insensitive, "the note's text stays out of the audit log");
        entry["after"]!["note"]!.GetValue<string>().ShouldBe("41 characters");

        (await PatchAsync(owner, contact.Id, new { teamNote = "" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(owner, contact.Id))["teamNote"]!.GetValue<string>().ShouldBeEmpty("a note can be cleared");
    }

    [Fact]
    public async Task Bad_edits_are_refused_with_a_reason_and_change_nothing()
    {
        var contact = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348033330021", "Careful");
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);

        foreach (var (body, says) in new (object Body, string Says)[]
                 {
                     (new { language = "fr", tags = new[] { "vip" } }, "fr"),
                     (new { tags = new[] { "no|pipes" } }, "no|pipes"),
                     (new { tags = new[] { new string('a', 31) } }, "30"),
                     (new { tags = Enumerable.Range(0, 21).Select(i => $"t{i}").ToArray() }, "20"),
                     (new { teamNote = new string('n', 2001) }, "2000"),
                     (new { }, "Nothing to change"),
                 })
        {
            using var response = await PatchAsync(owner, contact.Id, body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain(says);
        }

        var page = await GetAsync(owner, contact.Id);
        page["language"]!.GetValue<string>().ShouldBe("en");
        page["tags"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_and_other_businesses_contacts_are_not_found_and_roles_are_kept_apart()
    {
        var contact = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348033330031", "Mine");
        await Service<IConversationMemory>().SetFactAsync(_businessId, contact.Id, "favourite", "wrong guess", default);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        (await owner.GetAsync("/api/contacts/no-such-id")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PatchAsync(owner, "no-such-id", new { language = "en" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var slug = await DashboardSeed.SecondBusinessAsync(_factory.Services);
        var stranger = await _factory.SignedInClientAsync(AuthPolicies.Owner, slug);
        (await stranger.GetAsync($"/api/contacts/{contact.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PatchAsync(stranger, contact.Id, new { language = "ha" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync($"/api/contacts/{contact.Id}/facts/favourite")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        (await PatchAsync(marketer, contact.Id, new { language = "ha" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        (await agent.DeleteAsync($"/api/contacts/{contact.Id}/facts/favourite")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync(owner, contact.Id))["language"]!.GetValue<string>().ShouldBe("en");

        // The owner forgets a wrong fact; forgetting it again says there is none.
        (await owner.DeleteAsync($"/api/contacts/{contact.Id}/facts/favourite")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await GetAsync(owner, contact.Id))["facts"]!.AsArray().ShouldBeEmpty();
        (await owner.DeleteAsync($"/api/contacts/{contact.Id}/facts/favourite")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private T Service<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private static async Task<JsonObject> GetAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/contacts/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, object body) =>
        client.PatchAsync($"/api/contacts/{id}", JsonContent.Create(body));
}
