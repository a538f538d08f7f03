using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The owner changes what customers are told from a phone and a laptop: the pickup address, a new delivery zone and its
/// fee, a closed day and the bank account. Mistakes are named by field and save nothing; what is saved survives a reload,
/// and a customer on the web chat page is told the new address and charged the new zone's fee at once. Each screen uses
/// its own address and zone (the class shares one server).
/// </summary>
public sealed class ShopSettingsBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData(390, 844, "phone", "12 Admiralty Way, Lekki", "Magodo", "2500", "2,500")]
    [InlineData(1366, 768, "laptop", "5 Allen Avenue, Ikeja", "Ikorodu", "3000", "3,000")]
    public async Task The_owner_changes_the_pickup_address_and_zones_and_the_next_customer_is_told_them(
        int width, int height, string screen, string address, string zone, string fee, string feeShown)
    {
        var owner = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/", width, height);
        await OpenFromAccountMenuAsync(owner, "Shop settings");
        var shop = owner.GetByRole(AriaRole.Form, new PageGetByRoleOptions { Name = "Shop" });
        var pickup = shop.GetByLabel("Pickup address");
        await Assertions.Expect(pickup).Not.ToHaveValueAsync("");
        await NoSidewaysScrollAsync(owner, width);
        await HeadlessChromium.ScreenshotAsync(owner, $"settings-{screen}");

        // A new zone with a fee the browser cannot read, and a short account number: named by field, nothing saved.
        await pickup.FillAsync(address);
        await shop.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Add a zone" }).ClickAsync();
        var rows = shop.GetByTestId("zone-row");
        var added = await rows.CountAsync();
        await shop.GetByLabel($"Zone {added} area").FillAsync(zone);
        await shop.GetByLabel($"Zone {added} fee").FillAsync("two thousand");
        await shop.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Save shop settings" }).ClickAsync();
        await Assertions.Expect(shop.GetByTestId($"error-deliveryZones[{added - 1}].feeKobo")).ToContainTextAsync("naira");

        await shop.GetByLabel($"Zone {added} fee").FillAsync(fee);
        await shop.GetByLabel("Account number").FillAsync("12345");
        await shop.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Save shop settings" }).ClickAsync();
        await Assertions.Expect(shop.GetByTestId("error-bank.accountNumber")).ToContainTextAsync("10-digit NUBAN");
        await Assertions.Expect(shop.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved");
        await NoSidewaysScrollAsync(owner, width);
        await HeadlessChromium.ScreenshotAsync(owner, $"settings-refused-{screen}");

        await shop.GetByLabel("Account number").FillAsync("0123456789");
        await shop.GetByLabel("Open on Sunday").UncheckAsync();
        await Assertions.Expect(shop.GetByTestId("hours-sun")).ToContainTextAsync("Closed");
        await shop.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Save shop settings" }).ClickAsync();
        await Assertions.Expect(shop.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        // Saved on the server: a reload shows it.
        await owner.ReloadAsync();
        shop = owner.GetByRole(AriaRole.Form, new PageGetByRoleOptions { Name = "Shop" });
        await Assertions.Expect(shop.GetByLabel("Pickup address")).ToHaveValueAsync(address);
        await Assertions.Expect(shop.GetByLabel($"Zone {added} area")).ToHaveValueAsync(zone);
        await Assertions.Expect(shop.GetByLabel($"Zone {added} fee")).ToHaveValueAsync(fee);
        await Assertions.Expect(shop.GetByLabel("Account number")).ToHaveValueAsync("0123456789");
        await Assertions.Expect(shop.GetByLabel("Open on Sunday")).Not.ToBeCheckedAsync();
        await NoSidewaysScrollAsync(owner, width);
        await HeadlessChromium.ScreenshotAsync(owner, $"settings-saved-{screen}");

        // How customers may pay is the same page's second form.
        var payments = owner.GetByRole(AriaRole.Form, new PageGetByRoleOptions { Name = "Payments" });
        await payments.GetByLabel("Pay on delivery").CheckAsync();
        await payments.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Save payment settings" }).ClickAsync();
        await Assertions.Expect(payments.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await owner.ReloadAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Form, new PageGetByRoleOptions { Name = "Payments" }).GetByLabel("Pay on delivery")).ToBeCheckedAsync();

        // The next customer hears the new address, then moves to the new zone and is charged its fee.
        var customer = await server.NewPageAsync(width, height);
        await customer.GotoAsync(server.Url("/chat/mama-nkechi-kitchen"));
        await WebChatBrowserServer.SayAsync(customer, "I want 2 jollof rice");
        await WebChatBrowserServer.ExpectReplyAsync(customer, "7,000");
        await WebChatBrowserServer.SayAsync(customer, "na all");
        await customer.Locator(".msg.outbound .choices button").First.WaitForAsync();
        await WebChatBrowserServer.SayAsync(customer, "I go come carry am");
        await WebChatBrowserServer.ExpectReplyAsync(customer, address);
        await WebChatBrowserServer.SayAsync(customer, $"na {zone} I dey now");
        await WebChatBrowserServer.ExpectReplyAsync(customer, feeShown);
        await Assertions.Expect(customer.Locator(".msg.outbound", new PageLocatorOptions { HasTextString = feeShown }).Last).ToContainTextAsync(zone);
        await WebChatBrowserServer.ShouldFitAsync(customer);
        await HeadlessChromium.ScreenshotAsync(customer, $"settings-customer-{screen}");
        (await StudioServer.CspViolationsAsync(owner)).ShouldBeEmpty();
    }
}
