using System.Net.Http.Json;
using System.Text;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// A marketer on a 390 × 844 phone and a 1366 × 768 laptop, in headless Chromium, syncs the business's WhatsApp
/// templates from Meta (a fake Graph server on loopback), reads each one's status, and after Meta pauses one (the status
/// webhook) sees it paused with Meta's reason.
/// </summary>
public sealed class TemplatesBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_marketer_syncs_templates_and_sees_a_pause_from_Meta(int width, int height, string device)
    {
        var offer = $"weekend_offer_{device}";
        server.Graph.SetTemplate(StudioServer.BusinessAccountId, offer, "en", "APPROVED", "MARKETING", "Hello {{1}}, jollof is 10% off this weekend!");
        server.Graph.SetTemplate(StudioServer.BusinessAccountId, $"new_menu_{device}", "en", "REJECTED", "MARKETING", "See our menu", rejectedReason: "PROMOTIONAL");
        server.Graph.SetTemplate(StudioServer.BusinessAccountId, $"order_update_{device}", "ha", "APPROVED", "UTILITY", "Odar {{1}} ta shirya.");

        var (email, password) = await server.UserAsync("marketer");
        var page = await server.SignInAsync(email, password, "/templates", width, height);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sync from Meta" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Synced from Meta");
        var row = page.GetByTestId("template-row").Filter(new LocatorFilterOptions { HasTextString = offer });
        await Assertions.Expect(row.GetByTestId("template-status")).ToHaveTextAsync("approved");
        await Assertions.Expect(row).ToContainTextAsync("1 parameter");
        var rejected = page.GetByTestId("template-row").Filter(new LocatorFilterOptions { HasTextString = $"new_menu_{device}" });
        await Assertions.Expect(rejected.GetByTestId("template-status")).ToHaveTextAsync("rejected");
        await Assertions.Expect(rejected.GetByTestId("template-reason")).ToHaveTextAsync("PROMOTIONAL");
        await Assertions.Expect(page.GetByTestId("template-row").Filter(new LocatorFilterOptions { HasTextString = $"order_update_{device}" })).ToContainTextAsync("Hausa");
        await HeadlessChromium.ScreenshotAsync(page, $"templates-{device}");
        await NoSidewaysScrollAsync(page, width);

        // Meta pauses the offer for low quality: the status webhook arrives and the page shows it on the next look.
        var metaId = await MetaIdAsync(offer);
        var hook = """
            {"object":"whatsapp_business_account","entry":[{"id":"ACCOUNT","changes":[{"field":"message_template_status_update",
             "value":{"event":"PAUSED","message_template_id":META_ID,"message_template_name":"NAME","message_template_language":"en",
                      "other_info":{"title":"FIRST_PAUSE","description":"Paused for 3 hours: low quality."}}}]}]}
            """.Replace("ACCOUNT", StudioServer.BusinessAccountId, StringComparison.Ordinal).Replace("META_ID", metaId, StringComparison.Ordinal).Replace("NAME", offer, StringComparison.Ordinal);
        using var webhooks = server.Factory.CreateClient();
        (await webhooks.SendAsync(WhatsAppWebhookBuilder.Sign(StudioServer.AppSecret, Encoding.UTF8.GetBytes(hook)).ToRequest("/webhooks/whatsapp"))).IsSuccessStatusCode.ShouldBeTrue();
        var api = await server.Factory.SignedInClientAsync(HaloAgent.Server.Auth.AuthPolicies.Marketer);
        await Eventually.ReturnsAsync(
            async () => (await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/templates/whatsapp"))!.Single(t => (string?)t!["name"] == offer)!["status"]!.GetValue<string>(),
            status => status == "PAUSED",
            TimeSpan.FromSeconds(30),
            "the webhook's pause stored");
        await page.ReloadAsync();
        await Assertions.Expect(row.GetByTestId("template-status")).ToHaveTextAsync("paused");
        await Assertions.Expect(row.GetByTestId("template-reason")).ToContainTextAsync("low quality");
        await NoSidewaysScrollAsync(page, width);
    }

    private async Task<string> MetaIdAsync(string name)
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.Graph.BaseUrl + "/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.Graph.AccessToken);
        for (var after = 0; ; after += FakeGraphServer.TemplatePageSize)
        {
            var page = (await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"{StudioServer.BusinessAccountId}/message_templates?after={after}"))!;
            if (page["data"]!.AsArray().FirstOrDefault(t => (string?)t!["name"] == name) is { } found)
            {
                return found["id"]!.GetValue<string>();
            }

            if (page["paging"] is null)
            {
                throw new InvalidOperationException($"Meta lists no template '{name}'.");
            }
        }
    }
}
