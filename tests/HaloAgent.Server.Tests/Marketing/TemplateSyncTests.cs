using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Server.Tests.Marketing;

/// <summary>
/// A business's WhatsApp templates synced from Meta's <c>GET /{waba-id}/message_templates</c> (a fake Graph server on
/// loopback, paged as Meta pages) and kept current by the <c>message_template_status_update</c> webhook.
/// </summary>
public sealed class TemplateSyncTests : IAsyncLifetime
{
    private const string AppSecret = "template-sync-secret";
    private const string Account = "104996635660000";

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
            ["WhatsApp:BusinessAccountId"] = Account,
        });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task A_marketer_syncs_every_page_of_templates_and_a_pause_from_Meta_shows_with_its_reason()
    {
        _graph.SetTemplate(Account, "weekend_offer", "en", "APPROVED", "MARKETING", "Hello {{1}}, this weekend {{2}} is {{3}} off!");
        _graph.SetTemplate(Account, "weekend_offer", "ha", "APPROVED", "MARKETING", "Sannu {{1}}!");
        _graph.SetTemplate(Account, "order_update", "en", "APPROVED", "UTILITY", "Order {{order}} is {{status}}.");
        _graph.SetTemplate(Account, "new_menu", "en", "REJECTED", "MARKETING", "See our menu", rejectedReason: "PROMOTIONAL");
        _graph.SetTemplate("someone-elses-account", "not_ours", "en", "APPROVED", "MARKETING", "Hi");
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);

        using var synced = await marketer.PostAsync("/api/templates/whatsapp/sync", null);
        synced.StatusCode.ShouldBe(HttpStatusCode.OK, await synced.Content.ReadAsStringAsync());
        var templates = (await marketer.GetFromJsonAsync<JsonArray>("/api/templates/whatsapp"))!.Select(t => t!.AsObject()).ToList();
        templates.Select(t => $"{t["name"]}/{t["language"]}").ShouldBe(["new_menu/en", "order_update/en", "weekend_offer/en", "weekend_offer/ha"], "all pages, no one else's");
        var offer = templates.Single(t => (string?)t["name"] == "weekend_offer" && (string?)t["language"] == "en");
        offer["parameterCount"]!.GetValue<int>().ShouldBe(3);
        offer["category"]!.GetValue<string>().ShouldBe("MARKETING");
        templates.Single(t => (string?)t["name"] == "order_update")["parameterCount"]!.GetValue<int>().ShouldBe(2, "named parameters count too");
        var rejected = templates.Single(t => (string?)t["name"] == "new_menu");
        rejected["status"]!.GetValue<string>().ShouldBe("REJECTED");
        rejected["statusReason"]!.GetValue<string>().ShouldBe("PROMOTIONAL");

        // Meta pauses the template for low quality: the status webhook says so, and the list shows it.
        var metaId = offer["metaId"]!.GetValue<string>();
        var hook = """
            {"object":"whatsapp_business_account","entry":[{"id":"ACCOUNT","time":1765000000,"changes":[{"field":"message_template_status_update",
             "value":{"event":"PAUSED","message_template_id":META_ID,"message_template_name":"weekend_offer","message_template_language":"en",
                      "reason":"NONE","other_info":{"title":"FIRST_PAUSE","description":"Paused for 3 hours: low quality (customers blocked or reported it)."}}}]}]}
            """.Replace("ACCOUNT", Account, StringComparison.Ordinal).Replace("META_ID", metaId, StringComparison.Ordinal);
        using var webhooks = _factory.CreateClient();
        using var posted = await webhooks.SendAsync(WhatsAppWebhookBuilder.Sign(AppSecret, Encoding.UTF8.GetBytes(hook)).ToRequest("/webhooks/whatsapp"));
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var paused = await Eventually.ReturnsAsync(
            async () => (await marketer.GetFromJsonAsync<JsonArray>("/api/templates/whatsapp"))!.Select(t => t!.AsObject())
                .Single(t => (string?)t["name"] == "weekend_offer" && (string?)t["language"] == "en"),
            t => (string?)t["status"] == "PAUSED",
            TimeSpan.FromSeconds(30),
            "the pause from the status webhook");
        paused["statusReason"]!.GetValue<string>().ShouldContain("low quality");
    }

    [Fact]
    public async Task A_template_deleted_at_Meta_shows_as_deleted_after_the_next_sync_and_is_no_longer_offered_as_approved()
    {
        _graph.SetTemplate(Account, "old_offer", "en", "APPROVED", "MARKETING", "Old {{1}}");
        _graph.SetTemplate(Account, "old_offer", "ha", "APPROVED", "MARKETING", "Tsoho {{1}}");
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        (await marketer.PostAsync("/api/templates/whatsapp/sync", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        _graph.RemoveTemplate(Account, "old_offer", "ha");
        (await marketer.PostAsync("/api/templates/whatsapp/sync", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await marketer.GetFromJsonAsync<JsonArray>("/api/templates/whatsapp"))!.Select(t => t!.AsObject())
            .Where(t => (string?)t["name"] == "old_offer").ToDictionary(t => (string)t["language"]!, t => (string)t["status"]!);
        rows.ShouldBe(new Dictionary<string, string> { ["en"] = "APPROVED", ["ha"] = "DELETED" });

        // Listed again (re-created at Meta): the next sync takes it back.
        _graph.SetTemplate(Account, "old_offer", "ha", "PENDING", "MARKETING", "Tsoho {{1}}");
        (await marketer.PostAsync("/api/templates/whatsapp/sync", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await marketer.GetFromJsonAsync<JsonArray>("/api/templates/whatsapp"))!.Select(t => t!.AsObject())
            .Single(t => (string?)t["name"] == "old_offer" && (string?)t["language"] == "ha")["status"]!.GetValue<string>().ShouldBe("PENDING");
    }

    [Fact]
    public async Task Sync_without_an_account_id_or_with_a_token_Meta_refuses_says_what_to_fix()
    {
        await using var unconfigured = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl,
            ["WhatsApp:AccessToken"] = _graph.AccessToken,
        });
        var owner = await unconfigured.SignedInClientAsync(AuthPolicies.Owner);
        using var missing = await owner.PostAsync("/api/templates/whatsapp/sync", null);
        missing.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("WhatsApp Business Account id");

        await using var badToken = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["WhatsApp:GraphBaseUrl"] = _graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = "expired-token",
            ["WhatsApp:BusinessAccountId"] = Account,
        });
        var other = await badToken.SignedInClientAsync(AuthPolicies.Owner);
        using var refused = await other.PostAsync("/api/templates/whatsapp/sync", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("access token has expired");

        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        (await agent.PostAsync("/api/templates/whatsapp/sync", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
