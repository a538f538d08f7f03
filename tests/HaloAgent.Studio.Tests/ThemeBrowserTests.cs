using HaloAgent.Testing.Browser;
using Microsoft.Playwright;

namespace HaloAgent.Studio.Tests;

/// <summary>Dark mode: follows the phone's setting until the owner picks one in the account menu, and keeps the pick.</summary>
public sealed class ThemeBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    // Relative luminance of the computed background of the first element matching the selector (0 black, 1 white).
    private const string Luminance = """
        selector => {
          const [r, g, b] = getComputedStyle(document.querySelector(selector)).backgroundColor.match(/\d+/g).slice(0, 3).map(Number)
            .map(c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        }
        """;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task The_owner_switches_to_dark_and_the_choice_stays(int width, int height)
    {
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/orders", width, height);
        await page.Locator("table.table").WaitForAsync();
        (await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme")).ShouldBe("light", "a light device starts light");
        (await page.EvaluateAsync<double>(Luminance, "table.table")).ShouldBeGreaterThan(0.8);

        await page.GetByLabel("Account menu").ClickAsync();
        await page.GetByRole(AriaRole.Radio, new PageGetByRoleOptions { Name = "Dark" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.theme === 'dark'");
        (await page.EvaluateAsync<double>(Luminance, "table.table")).ShouldBeLessThan(0.1, "tables are repainted, not left white");
        (await page.EvaluateAsync<double>(Luminance, "body")).ShouldBeLessThan(0.1);
        await HeadlessChromium.ScreenshotAsync(page, $"dashboard-dark-{width}");

        await page.ReloadAsync();
        await page.Locator("table.table").WaitForAsync();
        (await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme")).ShouldBe("dark", "the choice is kept in this browser");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        (await StudioServer.CspViolationsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_phone_set_to_dark_opens_dark_until_the_owner_picks_light()
    {
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/", 390, 844);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.theme === 'dark'");

        await page.GetByLabel("Account menu").ClickAsync();
        await page.GetByRole(AriaRole.Radio, new PageGetByRoleOptions { Name = "Light" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.theme === 'light'");
        await page.ReloadAsync();
        await page.GetByLabel("Account menu").WaitForAsync();
        (await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme")).ShouldBe("light", "an explicit choice beats the device");
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task In_dark_mode_no_page_keeps_a_light_box(int width, int height)
    {
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/", width, height);
        await page.EvaluateAsync("() => localStorage.setItem('halo-theme', 'dark')");
        foreach (var path in new[] { "/", "/orders", "/payments", "/inbox", "/contacts", "/catalog", "/segments", "/segments/new", "/templates", "/broadcasts", "/broadcasts/new", "/studio" })
        {
            await page.GotoAsync(server.Url(path));
            await page.Locator("h1").First.WaitForAsync();
            await page.WaitForFunctionAsync("() => !document.querySelector('.spinner')");
            await BrowserChecks.NoLightBoxesAsync(page, path);
        }

        await HeadlessChromium.ScreenshotAsync(page, $"studio-dark-{width}");
    }
}
