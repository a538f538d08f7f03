using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>
/// What the owner reads in the inbox: who each conversation is with (name, phone, channel, language), why a chat was
/// handed over, the contact's orders beside it, and every message in or out arriving on the live stream.
/// </summary>
public sealed class DashboardInboxTests : IAsyncLifetime
{
    private const string AppSecret = "inbox-app-secret";
    private FakeGraphServer _graph = null!;
    private HaloAgentFactory _factory = null!;

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
            ["HaloAgent:Dashboard:StreamPollInterval"] = "00:00:00.100",
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Each_conversation_names_the_contact_their_phone_channel_and_language_and_why_it_was_handed_over()
    {
        var services = _factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        var contacts = services.GetRequiredService<IContactService>();
        var ada = await DashboardSeed.ContactAsync(services, businessId, "2348035550001", "Ada Obi");
        await contacts.SetLanguageAsync(ada.Id, "yo", default);
        var unnamed = (await contacts.UpsertFromInboundAsync(businessId, "2348035550002", null, null, "twilio", default)).Contact;
        var visitor = (await contacts.UpsertFromInboundAsync(businessId, "web:visitor-session-0001-abcd", null, null, "webchat", default)).Contact;
        var other = (await contacts.UpsertFromInboundAsync(businessId, "web:visitor-session-0002-wxyz", null, null, "webchat", default)).Contact;
        await services.GetRequiredService<IEscalationService>().OpenAsync(businessId, ada.Id, "The customer asked for a refund", "agent", default);
        var order = await DashboardSeed.OrderAsync(services, businessId, ada.Id);

        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var list = await GetAsync<JsonArray>(owner, "/api/conversations");
        list[0]!["contactId"]!.GetValue<string>().ShouldBe(ada.Id, "a chat handed over to a person comes first");
        var adaRow = Row(list, ada.Id);
        adaRow["contactName"]!.GetValue<string>().ShouldBe("Ada Obi");
        adaRow["phone"]!.GetValue<string>().ShouldBe("+2348035550001");
        adaRow["channel"]!.GetValue<string>().ShouldBe("whatsapp");
        adaRow["language"]!.GetValue<string>().ShouldBe("yo");
        adaRow["handoverReason"]!.GetValue<string>().ShouldBe("The customer asked for a refund");

        var unnamedRow = Row(list, unnamed.Id);
        unnamedRow["contactName"]!.GetValue<string>().ShouldBe("+2348035550002", "without a name the phone names them");
        unnamedRow["channel"]!.GetValue<string>().ShouldBe("twilio");
        unnamedRow["handoverReason"].ShouldBeNull();

        // Web chat visitors have neither: each still reads as someone, and two of them read apart.
        var visitorName = Row(list, visitor.Id)["contactName"]!.GetValue<string>();
        var otherName = Row(list, other.Id)["contactName"]!.GetValue<string>();
        visitorName.ShouldBe("Web chat visitor ABCD");
        otherName.ShouldBe("Web chat visitor WXYZ");
        Row(list, visitor.Id)["channel"]!.GetValue<string>().ShouldBe("webchat");
        list.ShouldAllBe(c => c!["contactName"]!.GetValue<string>() != "Customer");

        var detail = await GetAsync<JsonObject>(owner, $"/api/conversations/{ada.Id}");
        detail["contactName"]!.GetValue<string>().ShouldBe("Ada Obi");
        detail["handoverReason"]!.GetValue<string>().ShouldBe("The customer asked for a refund");
        var orderRow = detail["orders"]!.AsArray().ShouldHaveSingleItem()!;
        orderRow["number"]!.GetValue<string>().ShouldBe(order.Number);
        orderRow["totalKobo"]!.GetValue<long>().ShouldBe(order.TotalKobo);
        orderRow["status"]!.GetValue<string>().ShouldBe("PendingPayment");
        detail["notes"].ShouldBeOfType<JsonObject>();
    }

    [Fact]
    public async Task Messages_in_and_out_arrive_on_the_stream_and_read_oldest_first()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var ada = new WhatsAppCustomer(_factory.CreateClient(), _graph, AppSecret, "2348035550010");
        await ada.SaysAsync("Hello", r => r.Text?.Contains("Mama Nkechi") == true, "the greeting");
        var businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
        var contactId = (await _factory.Services.GetRequiredService<IContactService>().FindByWaIdAsync(businessId, ada.Phone, default))!.Id;
        (await owner.PostAsync($"/api/conversations/{contactId}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var response = await owner.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/stream"), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        await DashboardStream.ReadUntilAsync(reader, l => l == ": connected", timeout.Token);

        // The customer writes while the owner has the chat: the row's last message and unread count change live.
        await ada.PostAsync(new WhatsAppWebhookBuilder().Text(ada.Phone, "Is the jollof ready?", name: "Ada"));
        var inbound = await DashboardStream.NextEventAsync(reader, "conversation.updated", timeout.Token,
            e => e["contactId"]!.GetValue<string>() == contactId && e["lastMessage"]!.GetValue<string>() == "Is the jollof ready?");
        inbound["unread"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        inbound["contactName"]!.GetValue<string>().ShouldBe("Ada");
        inbound["channel"]!.GetValue<string>().ShouldBe("whatsapp");

        // The owner's reply too (it touches no contact row: the outbox says it was queued).
        using (var reply = await owner.PostAsJsonAsync($"/api/conversations/{contactId}/reply", new { text = "Yes, five minutes!" }))
        {
            reply.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var outbound = await DashboardStream.NextEventAsync(reader, "conversation.updated", timeout.Token,
            e => e["contactId"]!.GetValue<string>() == contactId && e["lastMessage"]!.GetValue<string>() == "Yes, five minutes!");
        outbound["unread"]!.GetValue<int>().ShouldBe(0, "the business answered");

        var messages = (await GetAsync<JsonObject>(owner, $"/api/conversations/{contactId}"))["messages"]!.AsArray();
        var times = messages.Select(m => DateTimeOffset.Parse(m!["sentAt"]!.GetValue<string>())).ToList();
        times.ShouldBe(times.Order().ToList(), "oldest first: the page scrolls to the newest at the bottom");
        messages[^1]!["text"]!.GetValue<string>().ShouldBe("Yes, five minutes!");
        messages[^1]!["author"]!.GetValue<string>().ShouldBe("owner");
    }

    [Fact]
    public async Task Opening_a_conversation_clears_its_unread_count_until_the_customer_writes_again()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var ada = new WhatsAppCustomer(_factory.CreateClient(), _graph, AppSecret, "2348035550020");
        await ada.SaysAsync("Hello", r => r.Text?.Contains("Mama Nkechi") == true, "the greeting");
        var businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
        var contactId = (await _factory.Services.GetRequiredService<IContactService>().FindByWaIdAsync(businessId, ada.Phone, default))!.Id;
        (await owner.PostAsync($"/api/conversations/{contactId}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await ada.PostAsync(new WhatsAppWebhookBuilder().Text(ada.Phone, "Are you there?", name: "Ada"));
        await ada.PostAsync(new WhatsAppWebhookBuilder().Text(ada.Phone, "Hello??", name: "Ada"));
        await Eventually.ReturnsAsync(() => GetAsync<JsonArray>(owner, "/api/conversations"), l => Row(l, contactId)["unread"]!.GetValue<int>() == 2,
            TimeSpan.FromSeconds(30), "two unread messages");

        (await owner.PostAsync($"/api/conversations/{contactId}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        Row(await GetAsync<JsonArray>(owner, "/api/conversations"), contactId)["unread"]!.GetValue<int>().ShouldBe(0);
        (await GetAsync<JsonObject>(owner, $"/api/conversations/{contactId}"))["unread"]!.GetValue<int>().ShouldBe(0);

        await ada.PostAsync(new WhatsAppWebhookBuilder().Text(ada.Phone, "I need 3 puff puff", name: "Ada"));
        await Eventually.ReturnsAsync(() => GetAsync<JsonArray>(owner, "/api/conversations"), l => Row(l, contactId)["unread"]!.GetValue<int>() == 1,
            TimeSpan.FromSeconds(30), "only the new message unread");

        (await owner.PostAsync("/api/conversations/no-such-contact/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Quick_replies_are_kept_per_business_in_the_owners_order_and_bad_lists_are_refused()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        (await GetAsync<JsonArray>(owner, "/api/quick-replies")).ShouldBeEmpty();

        using (var saved = await owner.PutAsJsonAsync("/api/quick-replies", new { replies = new[] { " Your order is on its way 🛵 ", "Thank you!", "Thank you!" } }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var list = (await GetAsync<JsonArray>(agent, "/api/quick-replies")).Select(r => r!.GetValue<string>()).ToList();
        list.ShouldBe(["Your order is on its way 🛵", "Thank you!"], "trimmed, in order, duplicates once; agents read them too");

        using (var blank = await owner.PutAsJsonAsync("/api/quick-replies", new { replies = new[] { "ok", " " } }))
        {
            blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await blank.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("Quick reply 2 is empty");
        }

        (await owner.PutAsJsonAsync("/api/quick-replies", new { replies = Enumerable.Range(0, 21).Select(i => $"reply {i}") })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await owner.PutAsJsonAsync("/api/quick-replies", new { replies = new[] { new string('a', 1001) } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await owner.PutAsJsonAsync("/api/quick-replies", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await agent.PutAsJsonAsync("/api/quick-replies", new { replies = new[] { "mine" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync<JsonArray>(owner, "/api/quick-replies")).Count.ShouldBe(2, "a refused list changes nothing");
    }

    [Fact]
    public async Task A_picture_the_customer_sent_is_shown_to_the_owner_as_the_image_its_bytes_are_and_only_from_its_conversation()
    {
        // A 1 × 1 PNG, sent on WhatsApp with a caption, and a "picture" that is really HTML.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var photo = _graph.AddMedia(png, "image/jpeg");
        var forged = _graph.AddMedia("<html><script>alert(1)</script></html>"u8.ToArray(), "image/png");
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var ada = new WhatsAppCustomer(_factory.CreateClient(), _graph, AppSecret, "2348035550040");
        await ada.SendAsync(new WhatsAppWebhookBuilder().Image(ada.Phone, photo, caption: "the rice came cold", name: "Ada"), _ => true, "any reply");
        await ada.SendAsync(new WhatsAppWebhookBuilder().Image(ada.Phone, forged, name: "Ada"), _ => true, "any reply");
        var businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
        var contactId = (await _factory.Services.GetRequiredService<IContactService>().FindByWaIdAsync(businessId, ada.Phone, default))!.Id;

        var messages = (await GetAsync<JsonObject>(owner, $"/api/conversations/{contactId}"))["messages"]!.AsArray();
        var captioned = messages.Single(m => m!["imageId"]?.GetValue<string>() == photo)!;
        captioned["text"]!.GetValue<string>().ShouldBe("the rice came cold");
        messages.ShouldContain(m => m!["imageId"] != null && m["imageId"]!.GetValue<string>() == forged);

        using (var image = await owner.GetAsync($"/api/conversations/{contactId}/images/{photo}"))
        {
            image.StatusCode.ShouldBe(HttpStatusCode.OK);
            image.Content.Headers.ContentType!.MediaType.ShouldBe("image/png", "the bytes say PNG, whatever the sender declared");
            (await image.Content.ReadAsByteArrayAsync()).ShouldBe(png);
        }

        using (var html = await owner.GetAsync($"/api/conversations/{contactId}/images/{forged}"))
        {
            html.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
            html.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        }

        var downloads = _graph.MediaDownloads;
        (await owner.GetAsync($"/api/conversations/{contactId}/images/999000111")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _graph.MediaDownloads.ShouldBe(downloads, "an id not in the conversation is never fetched");
        var other = new WhatsAppCustomer(_factory.CreateClient(), _graph, AppSecret, "2348035550041");
        await other.SaysAsync("Hello", _ => true, "any reply");
        var otherId = (await _factory.Services.GetRequiredService<IContactService>().FindByWaIdAsync(businessId, other.Phone, default))!.Id;
        (await owner.GetAsync($"/api/conversations/{otherId}/images/{photo}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "Ada's picture is not in Bola's chat");
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        (await marketer.GetAsync($"/api/conversations/{contactId}/images/{photo}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_inbox_tables_work_on_PostgreSQL_too()
    {
        await using var postgres = await HaloAgentFactory.CreateAsync(DatabaseProvider.Postgres);
        var owner = await postgres.SignedInClientAsync(AuthPolicies.Owner);
        (await owner.PutAsJsonAsync("/api/quick-replies", new { replies = new[] { "Ẹ ṣé o!", "Thank you!" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.PutAsJsonAsync("/api/quick-replies", new { replies = new[] { "Thank you!", "On its way" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync<JsonArray>(owner, "/api/quick-replies")).Select(r => r!.GetValue<string>()).ShouldBe(["Thank you!", "On its way"]);

        // A read marker only moves forward, whichever node writes last.
        var state = postgres.Services.GetRequiredService<HaloAgent.Server.Dashboard.Inbox.InboxState>();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);
        await state.MarkReadAsync("business", "contact", at, default);
        await state.MarkReadAsync("business", "contact", at.AddMinutes(5), default);
        await state.MarkReadAsync("business", "contact", at.AddMinutes(1), default);
        (await state.ReadAtAsync("business", ["contact", "other"], default)).ShouldBe(new Dictionary<string, long> { ["contact"] = at.AddMinutes(5).ToUnixTimeMilliseconds() });
    }

    private static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private static JsonObject Row(JsonArray list, string contactId) =>
        list.Single(c => c!["contactId"]!.GetValue<string>() == contactId)!.AsObject();
}
