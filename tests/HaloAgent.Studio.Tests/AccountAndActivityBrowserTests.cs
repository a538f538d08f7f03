using System.Net;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The owner's activity log, team, account page and account menu, and what an agent does not see, in real headless
/// Chromium on a laptop and on a 390 × 844 phone; and the whole app running under the server's Content-Security-Policy
/// without a single violation.
/// </summary>
public sealed class AccountAndActivityBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(1500, 950, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task The_owner_changes_an_order_and_sees_it_in_the_activity_log(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        var contact = await DashboardSeed.ContactAsync(services, demoId, $"23480322{Random.Shared.Next(10_000, 99_999)}", $"Activity {device}");
        var order = await DashboardSeed.OrderAsync(services, demoId, contact.Id);

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/orders", width, height);
        var row = page.Locator("table tr", new PageLocatorOptions { HasTextString = order.Number });
        await row.WaitForAsync();
        // Cancelling asks first; the row then shows the server's answer (cancelled, no moves left) and no error.
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Cancel…" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Yes, cancel order" }).ClickAsync();
        await row.Locator(".order-status", new LocatorLocatorOptions { HasTextString = "Cancelled" }).WaitForAsync();
        (await row.GetByTestId("order-moves").CountAsync()).ShouldBe(0);
        (await page.Locator(".banner.error, [role=alert]").CountAsync()).ShouldBe(0);
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"dashboard-orders-{device}");

        await OpenFromAccountMenuAsync(page, "Activity log");
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

        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"dashboard-activity-log-{device}");
        (await StudioServer.CspViolationsAsync(page)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1366, 768, "laptop")]
    [InlineData(390, 844, "phone")]
    public async Task The_owners_list_pages_fit_the_screen_and_label_each_value(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        await DashboardSeed.ContactAsync(services, demoId, $"23480323{Random.Shared.Next(10_000, 99_999)}", $"Lists {device}");
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/", width, height);
        // The owner's bar of pages takes at most two rows, even on a phone (settings pages are in the account menu).
        var links = page.Locator(".subnav a");
        await links.First.WaitForAsync();
        var rows = await links.EvaluateAllAsync<int>("as => new Set(as.map(a => Math.round(a.getBoundingClientRect().top))).size");
        rows.ShouldBeLessThanOrEqualTo(2, $"the page bar on a {device}: " + string.Join(",", await links.EvaluateAllAsync<double[]>("as => as.map(a => a.getBoundingClientRect().width)")));
        // There is a contact now and the demo has products; the payment queue may be empty (its one row then says so).
        // (The catalog is a list of dish cards now, walked in CatalogBrowserTests.)
        foreach (var (link, heading, firstColumn, seeded) in new[] { ("Payments", "Payment review", "Order", false), ("Contacts", "Contacts", "Name", true) })
        {
            await page.Locator(".subnav").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = link, Exact = true }).ClickAsync();
            await page.Locator("h1", new PageLocatorOptions { HasTextString = heading }).WaitForAsync();
            await page.Locator("table tbody tr").First.WaitForAsync();
            await NoSidewaysScrollAsync(page, width);
            var cell = page.Locator("table tbody tr:has(td + td) td").First;
            if (seeded || await cell.CountAsync() > 0)
            {
                // On a phone the header row is hidden and each value says what it is; on a laptop the header row does.
                var said = width < 600
                    ? await cell.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content")
                    : await page.Locator("table thead th").First.InnerTextAsync();
                said.ShouldContain(firstColumn, Case.Insensitive, $"{link} on {device}");
            }

            await HeadlessChromium.ScreenshotAsync(page, $"dashboard-{link.ToLowerInvariant()}-{device}");
        }
    }

    [Theory]
    [InlineData(1366, 768, "laptop")]
    [InlineData(390, 844, "phone")]
    public async Task The_owner_adds_a_team_member_changes_their_role_and_removes_them(int width, int height, string device)
    {
        var (ownerEmail, ownerPassword) = await server.UserAsync(AuthPolicies.Owner);
        var page = await server.SignInAsync(ownerEmail, ownerPassword, "/", width, height);
        await OpenFromAccountMenuAsync(page, "Team");
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Team" }).WaitForAsync();

        var email = $"ada-{device}-{Guid.NewGuid():N}@studio.test";
        await page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync($"Ada {device}");
        await page.GetByLabel("E-mail", new PageGetByLabelOptions { Exact = true }).FillAsync(email);
        await page.GetByLabel("Role", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(AuthPolicies.Agent);
        await page.GetByLabel("First password").FillAsync("ada-first-password");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add", Exact = true }).ClickAsync();
        await page.Locator(".banner.success", new PageLocatorOptions { HasTextString = $"Ada {device} can sign in now." }).WaitForAsync();
        var role = page.GetByLabel($"Role of {email}");
        await Assertions.Expect(role).ToHaveValueAsync(AuthPolicies.Agent);
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"dashboard-team-added-{device}");

        await role.SelectOptionAsync(AuthPolicies.Marketer);
        await page.Locator(".banner.success", new PageLocatorOptions { HasTextString = $"Ada {device} is now marketer." }).WaitForAsync();
        // The server kept it: a fresh load of the page shows the new role.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel($"Role of {email}")).ToHaveValueAsync(AuthPolicies.Marketer);

        // Remove asks first (a browser confirm); accepting it removes the row.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.Locator("tr", new PageLocatorOptions { HasTextString = email }).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Remove" }).ClickAsync();
        await page.Locator(".banner.success", new PageLocatorOptions { HasTextString = $"Ada {device} was removed." }).WaitForAsync();
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasTextString = email })).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.GetByLabel($"Role of {ownerEmail}").WaitForAsync();
        (await page.Locator("tr", new PageLocatorOptions { HasTextString = email }).CountAsync()).ShouldBe(0);
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"dashboard-team-removed-{device}");
    }

    [Theory]
    [InlineData(1366, 768, "laptop")]
    [InlineData(390, 844, "phone")]
    public async Task The_owner_changes_their_password_and_signs_in_with_the_new_one(int width, int height, string device)
    {
        var (email, password) = await server.UserAsync(AuthPolicies.Owner);
        var page = await server.SignInAsync(email, password, "/", width, height);
        await page.GetByLabel("Account menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = "Your account" }).ClickAsync();
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Your account" }).WaitForAsync();

        const string newPassword = "a-new-owner-password";
        await page.GetByLabel("Current password").FillAsync(password);
        await page.GetByLabel("New password").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Change password" }).ClickAsync();
        await page.Locator(".banner.success", new PageLocatorOptions { HasTextString = "Password changed." }).WaitForAsync();
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"dashboard-account-password-changed-{device}");

        await page.GetByLabel("Account menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = "Sign out", Exact = true }).ClickAsync();
        var signIn = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" });
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await signIn.ClickAsync();
        await page.Locator(".banner.error", new PageLocatorOptions { HasTextString = "Wrong email or password." }).WaitForAsync();

        await page.GetByLabel("Password").FillAsync(newPassword);
        await signIn.ClickAsync();
        await page.Locator(".topbar .user").WaitForAsync();
        await Assertions.Expect(page.GetByLabel("Account menu")).ToContainTextAsync("Test owner");
    }

    [Theory]
    [InlineData(390, 844, 1366, 768)]
    [InlineData(1366, 768, 390, 844)]
    public async Task Signing_out_everywhere_asks_the_other_browser_to_sign_in_again_at_once(int width, int height, int otherWidth, int otherHeight)
    {
        var (email, password) = await server.UserAsync(AuthPolicies.Agent);
        var other = await server.SignInAsync(email, password, "/orders", otherWidth, otherHeight);
        var here = await server.SignInAsync(email, password, "/orders", width, height);

        await here.GetByLabel("Account menu").ClickAsync();
        await NoSidewaysScrollAsync(here, width);
        await HeadlessChromium.ScreenshotAsync(here, $"dashboard-account-menu-{width}");
        await here.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = "Sign out everywhere" }).ClickAsync();
        await here.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).WaitForAsync();

        // The other browser's cookie is refused, and it does not wait for its next step to say so: its live stream
        // ends with the session and the page asks for the password again, with nothing clicked.
        (await other.EvaluateAsync<int>("async () => (await fetch('/api/orders')).status")).ShouldBe((int)HttpStatusCode.Unauthorized);
        var dialog = other.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Your session has expired");
        await NoSidewaysScrollAsync(other, otherWidth);
        await HeadlessChromium.ScreenshotAsync(other, $"dashboard-session-ended-elsewhere-{otherWidth}");
    }

    [Theory]
    [InlineData(1366, 768, "laptop")]
    [InlineData(390, 844, "phone")]
    public async Task An_agent_sees_no_activity_log_team_or_payment_settings(int width, int height, string device)
    {
        var (email, password) = await server.UserAsync(AuthPolicies.Agent);
        var page = await server.SignInAsync(email, password, "/payments", width, height);
        // The queue is the agent's (they approve and reject payments); the nav is drawn before its links are counted.
        await page.Locator("h1", new PageLocatorOptions { HasTextString = "Payment review" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Orders", Exact = true }).WaitForAsync();
        await page.GetByLabel("Account menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = "Your account" }).WaitForAsync();
        foreach (var role in new[] { AriaRole.Link, AriaRole.Menuitem })
        {
            (await page.GetByRole(role, new PageGetByRoleOptions { Name = "Activity log" }).CountAsync()).ShouldBe(0);
            (await page.GetByRole(role, new PageGetByRoleOptions { Name = "Team", Exact = true }).CountAsync()).ShouldBe(0);
        }

        (await page.GetByText("settings", new PageGetByTextOptions { Exact = false }).CountAsync()).ShouldBe(0);
        await page.GetByLabel("Account menu").ClickAsync();
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"dashboard-agent-payments-{device}");

        // Typed in by hand, the owner's pages say whose they are instead of failing.
        await page.GotoAsync(server.Url("/activity"));
        await Assertions.Expect(page.GetByTestId("owner-only")).ToContainTextAsync("Only the business’s owner sees this page; your role is agent.");
        (await page.GetByTestId("audit-item").CountAsync()).ShouldBe(0);
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"dashboard-agent-activity-{device}");

        // The payment settings are the owner's on the server too.
        var status = await page.EvaluateAsync<int>("""
            async () => (await fetch('/api/payments/settings', {
              method: 'PUT',
              headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(document.cookie.split('; ').find(c => c.startsWith('halo-csrf=')).slice(10)) },
              body: JSON.stringify({ bankTransfer: true, payOnDelivery: true, paystack: false, autoConfirmReceipts: true, autoConfirmMinScore: 0.1, autoConfirmMaxKobo: 100000000 }),
            })).status
            """);
        status.ShouldBe((int)HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/studio")]
    [InlineData("/studio/flows/ordering")]
    [InlineData("/activity")]
    public async Task The_app_runs_under_the_content_security_policy_without_a_violation(string path)
    {
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, path, 1500, 950);
        if (path.StartsWith("/studio/flows/", StringComparison.Ordinal))
        {
            await page.Locator(".react-flow__node").First.WaitForAsync();
        }
        else
        {
            await page.Locator(".page h1").First.WaitForAsync();
        }

        (await StudioServer.CspViolationsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_web_chat_page_runs_under_its_policy_and_cannot_be_framed()
    {
        var page = await server.NewPageAsync(390, 844);
        var response = await page.GotoAsync(server.Url("/chat/mama-nkechi-kitchen"));
        response!.Headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        // Its inline style applied and its inline script runs (it puts the sent message in the log).
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('header')).backgroundColor")).ShouldBe("rgb(0, 128, 105)");
        await page.GetByLabel("Message").FillAsync("Good morning");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send", Exact = true }).ClickAsync();
        await page.Locator("#log .msg", new PageLocatorOptions { HasTextString = "Good morning" }).WaitForAsync();
        (await StudioServer.CspViolationsAsync(page)).ShouldBeEmpty();
    }
}
