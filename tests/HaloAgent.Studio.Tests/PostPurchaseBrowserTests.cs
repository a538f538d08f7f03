using System.Text.RegularExpressions;
using HaloAgent.Commerce.Orders;
using HaloAgent.Marketing.Journeys;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Testing.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;
using static Microsoft.Playwright.Assertions;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The post-purchase journey as its two people meet it: a customer orders by typing on the web chat page, in Yoruba on
/// a phone and in Pidgin on a laptop; the owner moves the order to completed on the Orders page; the customer's page
/// then shows the journey's thank-you in their own language (the window is open, so it is free-form text).
/// </summary>
public sealed partial class PostPurchaseBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone", "mo fe ra jollof meji", "rara", "pickup", "Ẹ ṣé gan-an fún ọjà yín")]
    [InlineData(1366, 768, "laptop", "I want 2 jollof rice", "na all", "I go come carry am", "Thank you well well for your order")]
    public async Task The_owner_completes_a_web_chat_order_and_the_customer_is_thanked_in_their_language(
        int width, int height, string device, string order, string nothingElse, string pickup, string thanks)
    {
        var services = server.Factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);

        // The journey holds out a tenth of customers (they get nothing, by design): a held-out visitor orders again as
        // someone new, so the thank-you is always what is walked here (the holdout has its own server tests).
        IPage customer;
        OrderView placed;
        var attempts = 0;
        do
        {
            attempts++.ShouldBeLessThan(6, "six visitors in a row held out of a 10 % control group");
            (customer, placed) = await PlaceOrderAsync(width, height, order, nothingElse, pickup, businessId);
        }
        while (HoldoutActivity.Group("post-purchase", placed.ContactId, 10) == HoldoutActivity.Holdout);

        var owner = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/orders", width, height);
        var row = owner.Locator($"tr[data-order='{placed.Number}']");
        await Expect(row.Locator(".order-status")).ToHaveTextAsync("Awaiting payment");
        foreach (var move in new[] { "Start preparing", "Ready for pickup", "Completed" })
        {
            var button = row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = move, Exact = true });
            await Expect(button).ToBeEnabledAsync();
            await button.ClickAsync();
        }

        await Expect(row.Locator(".order-status")).ToHaveTextAsync("Completed");
        await NoSidewaysScrollAsync(owner, width);

        await WebChatBrowserServer.ExpectReplyAsync(customer, thanks);
        await Expect(customer.Locator(".msg.outbound", new PageLocatorOptions { HasTextString = thanks }).Last).ToContainTextAsync(placed.Number);
        await WebChatBrowserServer.ShouldFitAsync(customer);
        await HeadlessChromium.ScreenshotAsync(customer, $"post-purchase-thanks-{device}");
    }

    private async Task<(IPage Page, OrderView Order)> PlaceOrderAsync(int width, int height, string order, string nothingElse, string pickup, string businessId)
    {
        var customer = await server.NewPageAsync(width, height);
        await customer.GotoAsync(server.Url("/chat/mama-nkechi-kitchen"));
        await WebChatBrowserServer.SayAsync(customer, order);
        await WebChatBrowserServer.ExpectReplyAsync(customer, "7,000");
        await WebChatBrowserServer.SayAsync(customer, nothingElse);
        await customer.Locator(".msg.outbound .choices button").First.WaitForAsync();
        await WebChatBrowserServer.SayAsync(customer, pickup);
        // The summary names the pickup address; the first button after it confirms the order (in the customer's language),
        // and the payment instructions name the order.
        await WebChatBrowserServer.ExpectReplyAsync(customer, "Herbert Macaulay");
        await customer.Locator(".msg.outbound:has(.choices)").Last.Locator(".choices button").First.ClickAsync();
        await customer.Locator(".msg.outbound", new PageLocatorOptions { HasTextRegex = OrderNumber() }).First.WaitForAsync();
        var number = OrderNumber().Match(await customer.Locator("#log").InnerTextAsync()).Value;
        var placed = await server.Factory.Services.GetRequiredService<IOrderService>().FindByNumberAsync(businessId, number, default);
        return (customer, placed.ShouldNotBeNull());
    }

    [GeneratedRegex("MNK-[0-9]{4}")]
    private static partial Regex OrderNumber();
}
