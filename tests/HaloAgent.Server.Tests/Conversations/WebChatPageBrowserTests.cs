using HaloAgent.Testing.Browser;
using Microsoft.Playwright;
using static HaloAgent.Server.Tests.Conversations.WebChatBrowserServer;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// The web chat page in a real headless Chromium against the real server on Kestrel, on a phone and on a laptop: a
/// visitor greets the business, orders by typing, taps the offered buttons, and the conversation survives a reload (the
/// session is kept in the browser); the page fits the screen throughout.
/// </summary>
public sealed class WebChatPageBrowserTests(WebChatBrowserServer server) : IClassFixture<WebChatBrowserServer>
{
    [Theory]
    [InlineData(390, 844, "yo-NG", "yo", "Ẹ kú àbọ̀")]
    [InlineData(1366, 768, "ha-NG", "ha", "Barka da zuwa")]
    [InlineData(390, 844, "ig-NG", "ig", "Nnọọ")]
    [InlineData(1366, 768, "en-NG", "en", "Welcome")]
    public async Task A_new_visitor_is_greeted_in_the_browser_s_language_and_menu_still_opens_the_menu(
        int width, int height, string locale, string language, string words)
    {
        var page = await server.OpenChatAsync(width, height, locale: locale);

        var greeting = page.Locator(".greeting");
        await Microsoft.Playwright.Assertions.Expect(greeting).ToContainTextAsync(words);
        (await greeting.GetAttributeAsync("lang")).ShouldBe(language);
        await ShouldFitAsync(page);
        await HeadlessChromium.ScreenshotAsync(page, $"webchat-greeting-{language}-{width}");

        await greeting.Locator(".choices button", new LocatorLocatorOptions { HasTextString = "Menu" }).ClickAsync();
        await page.Locator(".msg.outbound .choices button", new PageLocatorOptions { HasTextString = "Jollof" }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_visitor_orders_on_the_page_by_typing_and_tapping_buttons(int width, int height, string screen)
    {
        var page = await server.OpenChatAsync(width, height);
        (await page.TitleAsync()).ShouldContain("Mama Nkechi");
        await ShouldFitAsync(page);

        await SayAsync(page, "Hello");
        await ExpectReplyAsync(page, "Mama Nkechi");
        await SayAsync(page, "I want 2 jollof rice");
        await ExpectReplyAsync(page, "7,000");
        await SayAsync(page, "no");

        // The agent offers pickup or delivery as buttons; the visitor taps one.
        var delivery = page.Locator(".msg.outbound .choices button", new PageLocatorOptions { HasTextString = "Delivery" }).Last;
        await delivery.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await HeadlessChromium.ScreenshotAsync(page, $"webchat-choices-{screen}");
        await delivery.ClickAsync();
        await page.Locator(".msg.inbound", new PageLocatorOptions { HasTextString = "Delivery" }).Last.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        await SayAsync(page, "12 Allen Avenue, Ikeja");
        await ExpectReplyAsync(page, "9,500");
        await HeadlessChromium.ScreenshotAsync(page, $"webchat-summary-{screen}");
        // A whole order later the conversation scrolls inside the page: the message box is still on screen.
        await ShouldFitAsync(page);

        // A reload keeps the conversation: the session lives in the browser, the messages on the server.
        await page.ReloadAsync();
        await ExpectReplyAsync(page, "9,500");
        (await page.Locator(".msg.inbound").CountAsync()).ShouldBe(5);
    }
}
