using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Marketing.Templates;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// A marketer on a 390 × 844 phone and a 1366 × 768 laptop, in headless Chromium, composes a broadcast of an approved
/// template to a segment: reads the template's text per language with the first name filled in, meets the server's
/// error beside an empty name, reads the pre-flight (2 will get it, 1 skipped: never agreed, the cost in naira), sends
/// it now and watches the detail page reach "completed" with its funnel and recipients (filtered, and as CSV); then
/// finds it in the list. The real server sends through a fake Graph on loopback; quiet hours are off in the fixture.
/// </summary>
public sealed class BroadcastsBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_marketer_composes_a_broadcast_reads_the_preflight_sends_it_and_watches_it_complete(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        var template = $"bc_offer_{device}";
        var catalog = services.GetRequiredService<ITemplateCatalog>();
        foreach (var (language, body) in new[] { ("en", "Hello {{1}}, jollof is 10% off this weekend!"), ("ha", "Sannu {{1}}, jollof da rangwame!") })
        {
            await catalog.UpsertAsync(new WhatsAppTemplate
            {
                BusinessId = businessId, Name = template, Language = language, Category = "MARKETING", Status = WhatsAppTemplateStatus.Approved,
                Body = body, ParameterCount = 1,
            }, default);
        }

        // The owner made Hausa the shop's template fallback: a new broadcast starts with it (this template has a Hausa version).
        using (var owner = await server.Factory.SignedInClientAsync(HaloAgent.Server.Auth.AuthPolicies.Owner))
        {
            var shop = (await owner.GetFromJsonAsync<JsonObject>("/api/shop"))!;
            shop["templateLanguageFallback"] = "ha";
            using var saved = await owner.PutAsJsonAsync("/api/shop", shop);
            saved.IsSuccessStatusCode.ShouldBeTrue(await saved.Content.ReadAsStringAsync());
        }

        // Three tagged customers: two agreed to marketing (English, Hausa), one never did.
        var tag = $"bc-{device}";
        var contacts = services.GetRequiredService<IContactService>();
        foreach (var (name, language, consent) in new[] { ($"Ada {device}", "en", true), ($"Bala {device}", "ha", true), ($"Chidi {device}", "ig", false) })
        {
            var contact = (await contacts.UpsertFromInboundAsync(businessId, $"2348036{Random.Shared.Next(100_000, 999_999)}", name, null, "whatsapp", default)).Contact;
            await contacts.SetLanguageAsync(contact.Id, language, default);
            await contacts.SetTagsAsync(contact.Id, [tag], default);
            if (consent)
            {
                await contacts.OptInAsync(contact.Id, default);
            }
        }

        using var api = await server.Factory.SignedInClientAsync(HaloAgent.Server.Auth.AuthPolicies.Marketer);
        var segmentName = $"Jollof fans {device}";
        using (var created = await api.PostAsJsonAsync("/api/segments", new
        {
            name = segmentName,
            filter = new { match = "all", conditions = new object[] { new { field = "tag", op = "has", value = tag } } },
        }))
        {
            created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        }

        var (email, password) = await server.UserAsync("marketer");
        var page = await server.SignInAsync(email, password, "/broadcasts", width, height);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Broadcasts" })).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(page, width);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "New broadcast" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/broadcasts/new$"));

        var broadcastName = $"Weekend jollof {device}";
        await page.GetByLabel("Segment", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{segmentName} (3)" });
        await page.GetByLabel("Template", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(template);
        await Assertions.Expect(page.GetByLabel("Fallback language", new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync("ha");
        await Assertions.Expect(page.GetByLabel("Parameter 1", new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync("{name}");
        await Assertions.Expect(page.GetByTestId("template-preview")).ToContainTextAsync("Hello Ada, jollof is 10% off this weekend!");
        await Assertions.Expect(page.GetByTestId("template-preview")).ToContainTextAsync("Sannu Ada, jollof da rangwame!");

        // The pre-flight follows the draft: who gets it, who is skipped and why, the cost of two marketing messages.
        var preflight = page.GetByTestId("preflight");
        await Assertions.Expect(preflight).ToHaveAttributeAsync("data-pending", "false");
        await Assertions.Expect(page.GetByTestId("preflight-audience")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("preflight-will-send")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("preflight-skipped")).ToHaveTextAsync("1 Never agreed to marketing messages");
        await Assertions.Expect(page.GetByTestId("preflight-cost")).ToHaveTextAsync("₦154.80");
        await Assertions.Expect(page.GetByTestId("preflight-limit")).ToContainTextAsync("Fits Meta's messaging limit");

        // The server refuses a draft without a name: its words show beside the field.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-name")).ToContainTextAsync("Give the broadcast a name");
        await page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync(broadcastName);
        await Assertions.Expect(page.GetByTestId("error-name")).ToHaveCountAsync(0);

        // A time already gone (in WAT) is refused beside the field; the draft it saved is sent by "Send now" below.
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToOffset(TimeSpan.FromHours(1));
        await page.GetByLabel("Send at (WAT)").FillAsync(yesterday.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-at")).ToContainTextAsync($"{yesterday:yyyy-MM-dd HH:mm} WAT is in the past");
        await Assertions.Expect(preflight).ToHaveAttributeAsync("data-pending", "false");
        await HeadlessChromium.ScreenshotAsync(page, $"broadcast-compose-{device}");
        await NoSidewaysScrollAsync(page, width);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send now" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/broadcasts/[0-9a-f]{32}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = broadcastName })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".page-head").GetByTestId("broadcast-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(page.GetByTestId("broadcast-progress")).ToContainTextAsync("3 of 3 handled");
        await Assertions.Expect(page.GetByTestId("broadcast-skipped")).ToContainTextAsync("1 skipped: Never agreed to marketing messages");
        await Assertions.Expect(page.GetByTestId("recipient-row")).ToHaveCountAsync(3);

        // The outbox hands both messages to Meta: the funnel and the table follow without a reload.
        await Assertions.Expect(page.GetByTestId("funnel-sent")).ToContainTextAsync("2");
        await Assertions.Expect(page.GetByTestId("recipient-status").Filter(new LocatorFilterOptions { HasTextString = "Sent" })).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("button", new PageLocatorOptions { HasTextString = "Pause" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("button", new PageLocatorOptions { HasTextString = "Cancel broadcast" })).ToHaveCountAsync(0);

        await page.GetByLabel("Show recipients").SelectOptionAsync("skipped");
        var skipped = page.GetByTestId("recipient-row");
        await Assertions.Expect(skipped).ToHaveCountAsync(1);
        await Assertions.Expect(skipped).ToContainTextAsync("Never agreed to marketing messages.");
        await HeadlessChromium.ScreenshotAsync(page, $"broadcast-detail-{device}");
        await NoSidewaysScrollAsync(page, width);

        // The CSV link downloads every recipient with the page's own session.
        var href = await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download CSV" }).GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(server.Url(href!));
        csv.Status.ShouldBe(200);
        csv.Headers["content-type"].ShouldStartWith("text/csv");
        (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(4, "a header and the three customers");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "← Broadcasts" }).ClickAsync();
        var row = page.GetByTestId("broadcast-row").Filter(new LocatorFilterOptions { HasTextString = broadcastName });
        await Assertions.Expect(row.GetByTestId("broadcast-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(row).ToContainTextAsync(template);
        await Assertions.Expect(row.GetByTestId("broadcast-progress")).ToContainTextAsync("2 sent");
        await HeadlessChromium.ScreenshotAsync(page, $"broadcasts-list-{device}");
        await NoSidewaysScrollAsync(page, width);

        var stored = (await api.GetFromJsonAsync<JsonArray>("/api/broadcasts"))!.Single(b => (string?)b!["name"] == broadcastName)!;
        stored["counts"]!["sent"]!.GetValue<int>().ShouldBe(2);

        // Dark mode repaints the pages as they are when full: the badges, the progress, the funnel, the pre-flight.
        await page.EvaluateAsync("() => localStorage.setItem('halo-theme', 'dark')");
        await page.ReloadAsync();
        await Assertions.Expect(row.GetByTestId("broadcast-status")).ToHaveTextAsync("Completed");
        await NoLightBoxesAsync(page, "the broadcasts");
        await row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = broadcastName }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recipient-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("funnel-sent")).ToContainTextAsync("2");
        await NoLightBoxesAsync(page, "a broadcast's page");
        await HeadlessChromium.ScreenshotAsync(page, $"broadcast-detail-dark-{device}");
        await page.GotoAsync(server.Url("/broadcasts/new"));
        await page.GetByLabel("Segment", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{segmentName} (3)" });
        await page.GetByLabel("Template", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(template);
        await Assertions.Expect(page.GetByTestId("preflight-will-send")).ToHaveTextAsync("2");
        await NoLightBoxesAsync(page, "compose");
        await NoSidewaysScrollAsync(page, width);
    }
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_marketer_schedules_a_broadcast_in_WAT_then_pauses_resumes_and_cancels_it_with_only_the_allowed_buttons(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        var template = $"bc_later_{device}";
        await services.GetRequiredService<ITemplateCatalog>().UpsertAsync(new WhatsAppTemplate
        {
            BusinessId = businessId, Name = template, Language = "en", Category = "UTILITY", Status = WhatsAppTemplateStatus.Approved,
            Body = "Your weekly menu is out, {{1}}!", ParameterCount = 1,
        }, default);

        var (email, password) = await server.UserAsync("marketer");
        var page = await server.SignInAsync(email, password, "/broadcasts/new", width, height);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var name = $"Menu tomorrow {device}";
        await page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync(name);
        await page.GetByLabel("Template", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(template);
        await page.GetByLabel("Parameter 1", new PageGetByLabelOptions { Exact = true }).FillAsync("dear {name}");
        await Assertions.Expect(page.GetByTestId("template-preview")).ToContainTextAsync("Your weekly menu is out, dear Ada!");

        // Tomorrow 10:00 in Lagos, whatever the zone of the browser or the server.
        var at = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(1)).Date.AddDays(1).AddHours(10), TimeSpan.FromHours(1));
        await page.GetByLabel("Send at (WAT)").FillAsync(at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/broadcasts/[0-9a-f]{32}$"));
        var status = page.Locator(".page-head").GetByTestId("broadcast-status");
        await Assertions.Expect(status).ToHaveTextAsync("Scheduled");
        await Assertions.Expect(page.Locator(".broadcast-facts")).ToContainTextAsync($"For {at.Day} {at.ToString("MMM yyyy", CultureInfo.InvariantCulture)}, 10:00 WAT");
        var id = new Uri(page.Url).Segments[^1];
        using var api = await server.Factory.SignedInClientAsync(HaloAgent.Server.Auth.AuthPolicies.Marketer);
        DateTimeOffset.Parse((await api.GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}"))!["scheduledAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ShouldBe(at);

        var pause = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Pause" });
        var resume = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Resume" });
        var cancel = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Cancel broadcast" });
        await Assertions.Expect(resume).ToHaveCountAsync(0);
        await pause.ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Paused");
        await Assertions.Expect(page.GetByTestId("broadcast-reason")).ToHaveTextAsync("Paused by the marketer.");
        await Assertions.Expect(pause).ToHaveCountAsync(0);
        await HeadlessChromium.ScreenshotAsync(page, $"broadcast-paused-{device}");
        await NoSidewaysScrollAsync(page, width);

        await resume.ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Scheduled");
        await Assertions.Expect(page.GetByTestId("broadcast-reason")).ToHaveCountAsync(0);
        await cancel.ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Cancelled");
        await Assertions.Expect(page.Locator(".broadcast-actions button")).ToHaveCountAsync(0);
        (await api.GetFromJsonAsync<JsonObject>($"/api/broadcasts/{id}"))!["status"]!.GetValue<string>().ShouldBe("cancelled");
        await NoSidewaysScrollAsync(page, width);
    }
}
