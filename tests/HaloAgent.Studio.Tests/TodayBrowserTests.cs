using System.Globalization;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Payments.References;
using HaloAgent.Server.Dashboard;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The owner's morning on the Today screen, in real headless Chromium on a 390 × 844 phone and a 1366 × 768 laptop:
/// who waits for a person, a receipt approved with one tap, an order moved along with the buttons until the customer
/// is told it is completed, today's paid sales changing live, and nothing wider than the screen.
/// </summary>
public sealed class TodayBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(1366, 768, "laptop", true)]
    [InlineData(390, 844, "phone", false)]
    public async Task The_owner_clears_the_day_from_the_Today_screen(int width, int height, string device, bool delivery)
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        var payments = services.GetRequiredService<IPaymentService>();
        var references = services.GetRequiredService<PaymentReferenceGenerator>();
        var orders = services.GetRequiredService<IOrderService>();
        string Phone() => $"2348036{Random.Shared.Next(100_000, 999_999)}";

        var waiting = await DashboardSeed.ContactAsync(services, demoId, Phone(), $"Waiting {device}");
        await services.GetRequiredService<IEscalationService>().OpenAsync(demoId, waiting.Id, "asked for a person", "agent", default);

        var payerPhone = Phone();
        var payer = await DashboardSeed.ContactAsync(services, demoId, payerPhone, $"Receipt {device}");
        var unpaid = await DashboardSeed.OrderAsync(services, demoId, payer.Id, "SUYA", 2);
        var claim = await payments.OpenAsync(unpaid, PaymentMethod.BankTransfer, references.Next, default);
        await payments.RecordClaimAsync(claim.Id, "I don pay", default);

        var cookPhone = Phone();
        var hungry = await DashboardSeed.ContactAsync(services, demoId, cookPhone, $"Kitchen {device}");
        var paid = await DashboardSeed.OrderAsync(services, demoId, hungry.Id, "JOLLOF-RICE", 1, delivery ? "3 Adeola Odeku" : null);
        (await orders.ChangeStatusAsync(paid.Id, OrderStatus.Paid, "paystack", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/", width, height);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Today");
        await Expect(page.Locator(".page-head .badge.ok")).ToHaveTextAsync("live");

        // Who waits for a person, by name and phone, one tap from their chat.
        var chat = page.GetByTestId("waiting-customer").Filter(new LocatorFilterOptions { HasTextString = waiting.Name! });
        await Expect(chat).ToBeVisibleAsync();
        await Expect(chat).ToContainTextAsync(waiting.PhoneE164!);
        await Expect(chat).ToHaveAttributeAsync("href", $"/inbox?contact={waiting.Id}");

        var sales = page.GetByTestId("sales-today-amount");
        var before = await TodayRevenueAsync(demoId);
        await Expect(sales).ToHaveAttributeAsync("data-kobo", before.ToString(CultureInfo.InvariantCulture));
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"today-{device}");

        // A receipt: approved with one tap; the order joins the kitchen's list and today's sales.
        var receipt = page.GetByTestId("receipt").Filter(new LocatorFilterOptions { HasTextString = unpaid.Number });
        await Expect(receipt).ToContainTextAsync(payer.Name!);
        await receipt.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Approve" }).ClickAsync();
        await Expect(receipt).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("prepare-order").Filter(new LocatorFilterOptions { HasTextString = unpaid.Number })).ToBeVisibleAsync();
        await Expect(sales).ToHaveAttributeAsync("data-kobo", (before + unpaid.TotalKobo).ToString(CultureInfo.InvariantCulture));
        (await payments.GetAsync(claim.Id, default))!.Status.ShouldBe(PaymentStatus.Paid);

        // The paid order, with the customer's name, phone and the dish's name: moved along one tap at a time.
        var card = page.GetByTestId("prepare-order").Filter(new LocatorFilterOptions { HasTextString = paid.Number });
        await Expect(card).ToContainTextAsync(hungry.Name!);
        await Expect(card).ToContainTextAsync(hungry.PhoneE164!);
        await Expect(card).ToContainTextAsync("Jollof rice & chicken");
        await Expect(card.Locator(".order-status")).ToHaveTextAsync("Paid");
        await Tap(card, "Start preparing");
        await Expect(card.Locator(".order-status")).ToHaveTextAsync("Preparing");
        var handover = delivery ? "Out for delivery" : "Ready for pickup";
        await Expect(card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = delivery ? "Ready for pickup" : "Out for delivery" })).ToHaveCountAsync(0);
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"today-preparing-{device}");
        await Tap(card, handover);
        await Expect(card.Locator(".order-status")).ToHaveTextAsync(handover);
        await Tap(card, "Completed");
        await Expect(card).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("order-notice")).ToContainTextAsync($"{paid.Number} is now completed");
        (await orders.GetAsync(paid.Id, default))!.Status.ShouldBe(OrderStatus.Completed);
        await Eventually.ReturnsAsync(
            () => Task.FromResult(server.Graph.Sent.Where(r => r.To == cookPhone).ToList()),
            sent => sent.Any(r => r.Text?.Contains($"Order {paid.Number} completed") == true),
            TimeSpan.FromSeconds(60),
            "the customer is told their order is completed");

        // An order paid elsewhere (a transfer confirmed while the owner looks): today's figure follows without a reload.
        var shown = await TodayRevenueAsync(demoId);
        await Expect(sales).ToHaveAttributeAsync("data-kobo", shown.ToString(CultureInfo.InvariantCulture));
        var elsewhere = await DashboardSeed.OrderAsync(services, demoId, hungry.Id, "PUFF-PUFF", 3, address: null);
        var transfer = await payments.OpenAsync(elsewhere, PaymentMethod.BankTransfer, references.Next, default);
        (await payments.ConfirmAsync(demoId, transfer.Id, new Confirmation("paystack"), default)).Succeeded.ShouldBeTrue();
        await Expect(sales).ToHaveAttributeAsync("data-kobo", (shown + elsewhere.TotalKobo).ToString(CultureInfo.InvariantCulture));

        // The chart: today's bar stands on the baseline at full height (the best day), a day without sales reads ₦0.
        var todayBar = page.Locator(".sales-svg g:last-of-type rect.sales-bar");
        await Expect(todayBar).ToBeVisibleAsync();
        var box = await todayBar.EvaluateAsync<double[]>("""
            r => { const b = r.getBoundingClientRect(); const l = r.ownerSVGElement.querySelector('.sales-baseline').getBoundingClientRect();
                   return [b.bottom, b.height, l.top + l.height / 2]; }
            """);
        var (barBottom, barHeight, baseline) = (box[0], box[1], box[2]);
        Math.Abs(barBottom - baseline).ShouldBeLessThan(1.5, "the bar stands on the baseline");
        barHeight.ShouldBeGreaterThan(40, "the best day fills the chart, not a thin line");
        await Expect(page.Locator(".sales-svg .sales-zero").First).ToHaveTextAsync("₦0");

        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"today-done-{device}");
        (await StudioServer.CspViolationsAsync(page)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1366, 768, "laptop")]
    [InlineData(390, 844, "phone")]
    public async Task The_orders_page_reads_in_words_and_moves_an_order_with_buttons(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        var phone = $"2348037{Random.Shared.Next(100_000, 999_999)}";
        var contact = await DashboardSeed.ContactAsync(services, demoId, phone, $"Orders {device}");
        var order = await DashboardSeed.OrderAsync(services, demoId, contact.Id, "JOLLOF-RICE", 2, address: null);

        // Loaded with the page (not sent live): the customer's name and phone and the dish's name, the status in words.
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/orders", width, height);
        var row = page.Locator($"tr[data-order='{order.Number}']");
        await Expect(row).ToContainTextAsync(contact.Name!);
        await Expect(row).ToContainTextAsync(contact.PhoneE164!);
        await Expect(row).ToContainTextAsync("2× Jollof rice & chicken");
        await Expect(row).Not.ToContainTextAsync("JOLLOF-RICE");
        await Expect(row.Locator(".order-status")).ToHaveTextAsync("Awaiting payment");
        (await row.GetByTestId("order-moves").GetByRole(AriaRole.Button).AllInnerTextsAsync()).ShouldBe(["Mark paid", "Start preparing", "Cancel…"]);
        (await page.GetByLabel("Status").Locator("option").AllInnerTextsAsync()).ShouldContain("Ready for pickup");
        (await page.Locator(".page").InnerTextAsync()).ShouldNotContain("PendingPayment");

        await Tap(row, "Start preparing");
        await Expect(row.Locator(".order-status")).ToHaveTextAsync("Preparing");
        (await row.GetByTestId("order-moves").GetByRole(AriaRole.Button).AllInnerTextsAsync()).ShouldBe(["Ready for pickup", "Cancel…"]);
        (await services.GetRequiredService<IOrderService>().GetAsync(order.Id, default))!.Status.ShouldBe(OrderStatus.Preparing);

        // The filter narrows to one status, named in words.
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Preparing" });
        await Expect(page.Locator("tbody .order-status:not(.st-preparing)")).ToHaveCountAsync(0);
        await Expect(row).ToBeVisibleAsync();

        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"orders-buttons-{device}");
    }

    [Theory]
    [InlineData(1366, 768, "laptop")]
    [InlineData(390, 844, "phone")]
    public async Task A_move_someone_else_already_made_refreshes_the_order_instead_of_leaving_stale_buttons(int width, int height, string device)
    {
        var services = server.Factory.Services;
        var demoId = await DashboardSeed.DemoBusinessIdAsync(services);
        var contact = await DashboardSeed.ContactAsync(services, demoId, $"2348036{Random.Shared.Next(100_000, 999_999)}", $"Stale {device}");
        var order = await DashboardSeed.OrderAsync(services, demoId, contact.Id, "JOLLOF-RICE", 1, address: null);

        // A phone on a poor connection: the live stream never gets through, so nothing corrects the page by itself.
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/orders", width, height);
        await page.RouteAsync("**/api/stream", route => route.AbortAsync());
        await page.ReloadAsync();
        var row = page.Locator($"tr[data-order='{order.Number}']");
        await Expect(row.Locator(".order-status")).ToHaveTextAsync("Awaiting payment");

        // The agent on the other phone starts preparing it; the owner, still seeing "Awaiting payment", taps "Mark paid".
        await services.GetRequiredService<IOrderService>().ChangeStatusAsync(order.Id, OrderStatus.Preparing, "agent@other.phone", null, default);
        await Tap(row, "Mark paid");

        await Expect(row.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot go from");
        await Expect(row.Locator(".order-status")).ToHaveTextAsync("Preparing");
        await Expect(row.GetByTestId("order-moves").GetByRole(AriaRole.Button)).ToHaveTextAsync(["Ready for pickup", "Cancel…"]);
        await NoSidewaysScrollAsync(page, width);
    }

    private static async Task Tap(ILocator card, string name)
    {
        var button = card.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = name, Exact = true });
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
    }

    private async Task<long> TodayRevenueAsync(string businessId) =>
        (await server.Factory.Services.GetRequiredService<SalesQueries>().SalesAsync(businessId, 1, default)).Points[^1].RevenueKobo;
}
