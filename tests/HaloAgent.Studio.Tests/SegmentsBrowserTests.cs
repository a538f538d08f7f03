using System.Text.RegularExpressions;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// A marketer on a 390 × 844 phone and a 1366 × 768 laptop, in headless Chromium, builds a segment: adds conditions
/// and watches the live count change, meets a clear error for a value the server refuses, saves, and finds the segment
/// again after a reload with its size in the list.
/// </summary>
public sealed class SegmentsBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_marketer_builds_a_segment_with_a_live_count_and_saves_it(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        var contacts = services.GetRequiredService<IContactService>();
        var (vip, lekki) = ($"vip-{device}", $"lekki-{device}");
        foreach (var (who, tags) in new[] { ($"Ada {device}", new[] { vip }), ($"Bola {device}", new[] { vip, lekki }), ($"Chidi {device}", new[] { lekki }) })
        {
            var waId = $"2348035{Random.Shared.Next(100_000, 999_999)}";
            var contact = (await contacts.UpsertFromInboundAsync(demoId, waId, who, null, null, default)).Contact;
            await contacts.SetTagsAsync(contact.Id, tags, default);
        }

        var (email, password) = await server.UserAsync("marketer");
        var page = await server.SignInAsync(email, password, "/segments", width, height);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "New segment" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/segments/new$"));
        var name = $"Lekki VIPs {device}";
        await page.GetByLabel("Name").FillAsync(name);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add condition" }).ClickAsync();
        await page.GetByLabel("Field 1", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("tag");
        await page.GetByLabel("Value 1", new PageGetByLabelOptions { Exact = true }).FillAsync(vip);
        await CountIsAsync(page, 2);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add condition" }).ClickAsync();
        await page.GetByLabel("Field 2", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("tag");
        await page.GetByLabel("Value 2", new PageGetByLabelOptions { Exact = true }).FillAsync(lekki);
        await CountIsAsync(page, 1);
        await Assertions.Expect(page.GetByTestId("segment-sample")).ToContainTextAsync($"Bola {device}");

        // A value the server refuses says which condition and why, and the count comes back once it is fixed.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add condition" }).ClickAsync();
        await page.GetByLabel("Field 3", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("order_count");
        await page.GetByLabel("Value 3", new PageGetByLabelOptions { Exact = true }).FillAsync("");
        await Assertions.Expect(page.GetByTestId("segment-errors")).ToContainTextAsync("order_count takes a whole number");
        await page.GetByLabel("Remove condition 3").ClickAsync();
        await CountIsAsync(page, 1);
        await HeadlessChromium.ScreenshotAsync(page, $"segment-editor-{device}");
        await NoSidewaysScrollAsync(page, width);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save segment" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/segments/[0-9a-f]{32}\\?saved=1$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        // An edit of the saved segment is saved in place.
        await page.GetByLabel("Match all conditions").SelectOptionAsync("any");
        await CountIsAsync(page, 3);
        await page.GetByLabel("Match all conditions").SelectOptionAsync("all");
        await CountIsAsync(page, 1);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save segment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Saved “{name}”");

        // Kept by the server: a fresh load shows the same conditions and count.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByLabel("Value 2", new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync(lekki);
        await CountIsAsync(page, 1);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "← Segments" }).ClickAsync();
        var row = page.GetByTestId("segment-row").Filter(new LocatorFilterOptions { HasTextString = name });
        await Assertions.Expect(row.GetByTestId("segment-count")).ToHaveTextAsync("1");
        await HeadlessChromium.ScreenshotAsync(page, $"segments-list-{device}");
        await NoSidewaysScrollAsync(page, width);
    }

    private static async Task CountIsAsync(IPage page, int count)
    {
        var live = page.GetByTestId("segment-live-count");
        await Assertions.Expect(live).ToHaveAttributeAsync("data-pending", "false");
        await Assertions.Expect(live).ToHaveTextAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
