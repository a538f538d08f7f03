using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The owner edits the menu on a phone and on a laptop while a customer orders on the web chat page: a dish marked
/// sold out is refused with another one offered, a dish added with a Yoruba name is ordered by that name, a new price is
/// shown at once and is what the agent charges, and a photo shows as a thumbnail. Each screen's case uses its own dishes
/// (the class shares one server).
/// </summary>
public sealed class CatalogBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    // A 1 × 1 PNG: the thumbnail must decode, so the bytes served back are the bytes uploaded.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData(390, 844, "phone", "SUYA", "2 suya", "Efo riro", "Ẹ̀fọ́ rírò", "Mo fẹ́ ẹ̀fọ́ rírò", "4000", "4,000", "ZOBO", "900", "zobo", "4,900")]
    [InlineData(1366, 768, "laptop", "MOI-MOI", "2 moi moi", "Yam porridge", "Àsáró", "Mo fẹ́ àsáró", "2,500", "2,500", "MALT", "800", "malt", "3,300")]
    public async Task The_owner_edits_the_menu_and_the_agent_follows_at_once(
        int width, int height, string screen, string soldOutSku, string soldOutOrder, string english, string yoruba, string yorubaOrder, string price,
        string priceShown, string repricedSku, string newPrice, string repricedOrder, string cartTotal)
    {
        var owner = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/catalog", width, height);
        var soldOut = Dish(owner, soldOutSku);
        await Assertions.Expect(soldOut).ToBeVisibleAsync();
        await NoSidewaysScrollAsync(owner, width);
        await HeadlessChromium.ScreenshotAsync(owner, $"catalog-{screen}");

        // One tap marks it sold out for today; the card says until when.
        var toggle = soldOut.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sold out today" });
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(soldOut.Locator(".badge", new LocatorLocatorOptions { HasTextString = "back on sale" })).ToBeVisibleAsync();

        var customer = await server.NewPageAsync(width, height);
        await customer.GotoAsync(server.Url("/chat/mama-nkechi-kitchen"));
        await WebChatBrowserServer.SayAsync(customer, $"I want {soldOutOrder}");
        await WebChatBrowserServer.ExpectReplyAsync(customer, "sold out");
        await WebChatBrowserServer.ExpectReplyAsync(customer, "How about");
        await WebChatBrowserServer.ShouldFitAsync(customer);
        await HeadlessChromium.ScreenshotAsync(customer, $"catalog-sold-out-refused-{screen}");

        // A new dish named in English and Yoruba only, with no aliases: the customer orders it by its Yoruba name.
        await owner.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add dish" }).ClickAsync();
        var form = owner.GetByRole(AriaRole.Form, new PageGetByRoleOptions { Name = "New dish" });
        await form.GetByLabel("English (required)", new LocatorGetByLabelOptions { Exact = true }).FillAsync(english);
        await form.GetByLabel("Yorùbá").FillAsync(yoruba);
        await form.GetByLabel("Price").FillAsync(price);
        await form.GetByLabel("Stock").FillAsync("10");
        await form.GetByLabel("Category").FillAsync("Soups & stews");
        await NoSidewaysScrollAsync(owner, width);
        await HeadlessChromium.ScreenshotAsync(owner, $"catalog-new-dish-{screen}");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Add dish" }).ClickAsync();
        var added = owner.Locator("li.dish-card", new PageLocatorOptions { HasTextString = english });
        await Assertions.Expect(added.Locator(".dish-price")).ToHaveTextAsync($"₦{priceShown}");

        await WebChatBrowserServer.SayAsync(customer, yorubaOrder);
        await WebChatBrowserServer.ExpectReplyAsync(customer, yoruba);
        await WebChatBrowserServer.ExpectReplyAsync(customer, priceShown);

        // A new price shows on the card without a reload, and it is what the agent charges next.
        var repriced = Dish(owner, repricedSku);
        await repriced.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Edit" }).ClickAsync();
        await repriced.GetByLabel("Price").FillAsync(newPrice);
        await NoSidewaysScrollAsync(owner, width);
        await repriced.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Save" }).ClickAsync();
        await Assertions.Expect(repriced.Locator(".dish-price")).ToHaveTextAsync($"₦{newPrice}");
        await WebChatBrowserServer.SayAsync(customer, $"I want 1 {repricedOrder}");
        await WebChatBrowserServer.ExpectReplyAsync(customer, cartTotal);
        await HeadlessChromium.ScreenshotAsync(customer, $"catalog-new-dish-ordered-{screen}");

        // A photo for the new dish: uploaded from the card, shown as its thumbnail.
        await added.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "dish.png", MimeType = "image/png", Buffer = Png });
        var thumbnail = added.Locator("img.dish-photo");
        await Assertions.Expect(thumbnail).ToBeVisibleAsync();
        await owner.WaitForFunctionAsync("img => img.complete && img.naturalWidth === 1", await thumbnail.ElementHandleAsync());

        await NoSidewaysScrollAsync(owner, width);
        await HeadlessChromium.ScreenshotAsync(owner, $"catalog-edited-{screen}");
        (await owner.Locator(".banner.error").CountAsync()).ShouldBe(0);
        (await StudioServer.CspViolationsAsync(owner)).ShouldBeEmpty();
    }

    private static ILocator Dish(IPage page, string sku) => page.Locator($"li.dish-card[data-sku='{sku}']");
}
