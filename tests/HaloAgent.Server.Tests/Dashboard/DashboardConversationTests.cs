using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>
/// The owner's inbox against the whole pipeline: signed WhatsApp webhooks in, the engine's flows, the outbox to a fake
/// Graph server. Taking a chat over silences the agent, the owner's reply reaches the customer, releasing brings the
/// agent back.
/// </summary>
public sealed class DashboardConversationTests : IAsyncLifetime
{
    private const string AppSecret = "dashboard-app-secret";
    private FakeGraphServer _graph = null!;
    private HaloAgentFactory _factory = null!;
    private HttpClient _webhooks = null!;

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
        _webhooks = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Taking_over_silences_the_agent_the_owner_replies_and_releasing_brings_the_agent_back()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var ada = new WhatsAppCustomer(_webhooks, _graph, AppSecret, "2348031230001");
        var bola = new WhatsAppCustomer(_webhooks, _graph, AppSecret, "2348031230002");
        await ada.SaysAsync("Hello", r => r.Text?.Contains("Mama Nkechi") == true, "the greeting");
        await bola.SaysAsync("Hello", r => r.Text?.Contains("Mama Nkechi") == true, "the greeting");
        var contactId = (await ContactIdAsync(ada.Phone));

        var before = await ListAsync(owner);
        before.Select(c => c!["contactId"]!.GetValue<string>()).ShouldContain(contactId);
        Row(before, contactId)["handledBy"]!.GetValue<string>().ShouldBe("agent");
        Row(before, contactId)["lastMessage"]!.GetValue<string>().ShouldContain("Mama Nkechi"); // the agent's greeting came last

        // Replying while the agent has the chat is refused.
        using (var early = await owner.PostAsJsonAsync($"/api/conversations/{contactId}/reply", new { text = "Hi" }))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        var handoverBefore = ada.Replies.Count;
        (await owner.PostAsync($"/api/conversations/{contactId}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var taken = await ListAsync(owner);
        taken[0]!["contactId"]!.GetValue<string>().ShouldBe(contactId, "chats with a person come first");
        taken[0]!["handledBy"]!.GetValue<string>().ShouldBe("human");
        taken[0]!["escalationId"].ShouldNotBeNull();

        // The customer writes while the owner has the chat: the message reaches the inbox, the agent stays quiet.
        var repliesBefore = ada.Replies.Count;
        await ada.PostAsync(new WhatsAppWebhookBuilder().Text(ada.Phone, "I want 2 jollof rice", name: "Ada"));
        var waiting = await Eventually.ReturnsAsync(
            () => ConversationAsync(owner, contactId),
            c => c["messages"]!.AsArray().Any(m => m!["text"]!.GetValue<string>() == "I want 2 jollof rice"),
            TimeSpan.FromSeconds(30), "the customer's message in the inbox");
        waiting["unread"]!.GetValue<int>().ShouldBe(1);
        waiting["handledBy"]!.GetValue<string>().ShouldBe("human");

        using (var reply = await owner.PostAsJsonAsync($"/api/conversations/{contactId}/reply", new { text = "Hi Ada, Nkechi here. Two jollof coming up!" }))
        {
            reply.StatusCode.ShouldBe(HttpStatusCode.OK);
            var sent = (await reply.Content.ReadFromJsonAsync<JsonObject>())!;
            sent["direction"]!.GetValue<string>().ShouldBe("out");
            sent["author"]!.GetValue<string>().ShouldBe("owner");
            sent["id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(ada.Replies.ToList()), r => r.Any(m => m.Text == "Hi Ada, Nkechi here. Two jollof coming up!"),
            TimeSpan.FromSeconds(30), "the owner's reply at Graph");
        var withReply = await ConversationAsync(owner, contactId);
        var messages = withReply["messages"]!.AsArray();
        messages.ShouldContain(m => m!["author"]!.GetValue<string>() == "owner" && m["text"]!.GetValue<string>().StartsWith("Hi Ada, Nkechi"));
        messages.ShouldContain(m => m!["author"]!.GetValue<string>() == "agent");
        messages.ShouldContain(m => m!["author"]!.GetValue<string>() == "customer" && m["direction"]!.GetValue<string>() == "in");
        withReply["unread"]!.GetValue<int>().ShouldBe(0);
        ada.Replies.Skip(repliesBefore).ShouldAllBe(r => r.Text == "Hi Ada, Nkechi here. Two jollof coming up!", "only the owner answered while the chat was taken over");

        var releasedAt = ada.Replies.Count;
        (await owner.PostAsync($"/api/conversations/{contactId}/release", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Eventually.ReturnsAsync(() => Task.FromResult(ada.Replies.Skip(releasedAt).ToList()), r => r.Any(m => m.Text?.Contains("back to help") == true),
            TimeSpan.FromSeconds(30), "the agent's 'I'm back' message");
        // The hand-over flow tells the customer before it waits for the release, so by now it would have: an owner's
        // take-over is not announced ("someone will reply shortly" could arrive after the owner's own first reply).
        ada.Replies.Skip(handoverBefore).ShouldNotContain(m => m.Text != null && m.Text.Contains("chat with you"), "nobody asked for a person");
        Row(await ListAsync(owner), contactId)["handledBy"]!.GetValue<string>().ShouldBe("agent");
        (await owner.PostAsJsonAsync($"/api/conversations/{contactId}/reply", new { text = "late" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The agent answers again, and never answered the message sent while it was paused.
        await ada.SaysAsync("I want 3 puff puff", r => r.Text?.Contains("Added") == true, "the agent adding puff puff");
        ada.Replies.ShouldNotContain(r => r.Text != null && r.Text.Contains("7,000"), "the paused message was never handled by the agent");
    }

    [Fact]
    public async Task Bad_input_roles_and_unknown_contacts_are_refused()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        var businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
        var contact = await DashboardSeed.ContactAsync(_factory.Services, businessId, "2348031230009", "Chidi");

        (await marketer.GetAsync("/api/conversations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketer.PostAsJsonAsync($"/api/conversations/{contact.Id}/reply", new { text = "hi" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await marketer.PostAsync($"/api/conversations/{contact.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _factory.CreateClient().GetAsync("/api/conversations")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await agent.GetAsync("/api/conversations/no-such-contact")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await agent.PostAsync("/api/conversations/no-such-contact/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await agent.PostAsync("/api/conversations/no-such-contact/release", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await agent.PostAsJsonAsync("/api/conversations/no-such-contact/reply", new { text = "hi" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // An agent may take over; blank and oversized replies are malformed; taking over twice is harmless.
        (await agent.PostAsync($"/api/conversations/{contact.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.PostAsync($"/api/conversations/{contact.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using (var blank = await agent.PostAsJsonAsync($"/api/conversations/{contact.Id}/reply", new { text = "  " }))
        {
            blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await blank.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("text");
        }

        (await agent.PostAsJsonAsync($"/api/conversations/{contact.Id}/reply", new { text = new string('a', 4097) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var escalation = (await ConversationAsync(agent, contact.Id))["escalationId"]!.GetValue<string>();
        escalation.ShouldNotBeNullOrEmpty();
        (await agent.PostAsync($"/api/conversations/{contact.Id}/release", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await agent.PostAsync($"/api/conversations/{contact.Id}/release", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ConversationAsync(agent, contact.Id))["handledBy"]!.GetValue<string>().ShouldBe("agent");

        // Without the CSRF header a change is refused.
        var noCsrf = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        noCsrf.DefaultRequestHeaders.Remove(AuthApi.CsrfHeader);
        (await noCsrf.PostAsync($"/api/conversations/{contact.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<string> ContactIdAsync(string phone) =>
        (await _factory.Services.GetRequiredService<IContactService>().FindByWaIdAsync(await DashboardSeed.DemoBusinessIdAsync(_factory.Services), phone, default))!.Id;

    private static async Task<JsonArray> ListAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/conversations");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    private static JsonObject Row(JsonArray list, string contactId) =>
        list.Single(c => c!["contactId"]!.GetValue<string>() == contactId)!.AsObject();

    private static async Task<JsonObject> ConversationAsync(HttpClient client, string contactId)
    {
        using var response = await client.GetAsync($"/api/conversations/{contactId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
