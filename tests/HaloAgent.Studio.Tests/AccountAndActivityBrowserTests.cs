using System.Net;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The owner's activity log, team and account menu in real headless Chromium, on a desktop and on a 390 × 844 phone,
/// and the whole app running under the server's Content-Security-Policy without a single violation.
/// </summary>
public sealed class AccountAndActivityBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    /// <summary>Collects the page's CSP violations (the browser reports each one as an event) into window.__csp.</summary>
    private const string CspRecorder = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
        """;

    [Theory]
    [InlineData(1500, 950, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task The_owner_changes_an_order_and_sees_it_in_the_activity_log(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        var contact = await DashboardSeed.ContactAsync(services, demoId, $"23480322{Random.Shared.Next(10_000, 99_999)}", $"Activity {device}");
        var order = await DashboardSeed.OrderAsync(services, demoId, contact.Id);

        var page = await SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/orders", width, height);
        var row = page.Locator("table tr", new PageLocatorOptions { HasTextString = order.Number });
        await row.WaitForAsync();
        await row.Locator("select").SelectOptionAsync("Cancelled");
        // The row shows the server's answer: cancelled, and no error banner.
        await page.WaitForFunctionAsync(
            "number => [...document.querySelectorAll('table tr')].some(r => r.textContent.includes(number) && r.querySelector('select')?.value === 'Cancelled')",
            order.Number);
        (await page.Locator(".banner.error").CountAsync()).ShouldBe(0);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Activity log" }).ClickAsync();
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Activity log" }).WaitForAsync();
        var entry = page.GetByTestId("audit-item").Filter(new LocatorFilterOptions { HasTextString = order.Id }).First;
        await entry.WaitForAsync();
        var text = await entry.InnerTextAsync();
        text.ShouldContain(StudioServer.OwnerEmail);
        text.ShouldContain("changed an order");
        text.ShouldContain("cancelled");
        text.ShouldContain("pending_payment");

        // The filter narrows it to one family.
        await page.GetByLabel("Show").SelectOptionAsync("payment");
        // (the list is redrawn when the filtered page arrives: no order changes left in it)
        await page.WaitForFunctionAsync("() => ![...document.querySelectorAll('[data-testid=audit-item]')].some(i => i.dataset.action === 'order.status')");
        (await page.GetByTestId("audit-item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.action)")).ShouldAllBe(a => a.StartsWith("payment."));

        // Nothing on the page is wider than the screen (the phone scrolls vertically only).
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        await HeadlessChromium.ScreenshotAsync(page, $"dashboard-activity-log-{device}");
        (await CspViolationsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Signing_out_everywhere_from_the_phones_account_menu_ends_the_laptops_session_too()
    {
        var (email, password) = await server.UserAsync(AuthPolicies.Agent);
        var laptop = await SignInAsync(email, password, "/orders", 1500, 950);
        var phone = await SignInAsync(email, password, "/orders", 390, 844);

        // An agent sees neither the team nor the activity log.
        (await phone.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Activity log" }).CountAsync()).ShouldBe(0);

        await phone.GetByLabel("Account menu").ClickAsync();
        await HeadlessChromium.ScreenshotAsync(phone, "dashboard-account-menu-phone");
        await phone.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = "Sign out everywhere" }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).WaitForAsync();

        var status = await laptop.EvaluateAsync<int>("async () => (await fetch('/api/orders')).status");
        status.ShouldBe((int)HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/studio")]
    [InlineData("/studio/flows/ordering")]
    [InlineData("/activity")]
    public async Task The_app_runs_under_the_content_security_policy_without_a_violation(string path)
    {
        var page = await SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, path, 1500, 950);
        if (path.StartsWith("/studio/flows/", StringComparison.Ordinal))
        {
            await page.Locator(".react-flow__node").First.WaitForAsync();
        }
        else
        {
            await page.Locator(".page h1").First.WaitForAsync();
        }

        (await CspViolationsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_web_chat_page_runs_under_its_policy_and_cannot_be_framed()
    {
        var page = await NewPageAsync(390, 844);
        var response = await page.GotoAsync(server.Url("/chat/mama-nkechi-kitchen"));
        response!.Headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        // Its inline style applied and its inline script runs (it puts the sent message in the log).
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header')).backgroundColor")).ShouldBe("rgb(0, 128, 105)");
        await page.GetByLabel("Message").FillAsync("Good morning");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send" }).ClickAsync();
        await page.Locator("#log .msg", new PageLocatorOptions { HasTextString = "Good morning" }).WaitForAsync();
        (await CspViolationsAsync(page)).ShouldBeEmpty();
    }

    private async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await server.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(CspRecorder);
        return await context.NewPageAsync();
    }

    private async Task<IPage> SignInAsync(string email, string password, string path, int width, int height)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(server.Url(path));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.Locator(".topbar .user").WaitForAsync();
        return page;
    }

    private static async Task<string[]> CspViolationsAsync(IPage page) => await page.EvaluateAsync<string[]>("() => window.__csp");
}
