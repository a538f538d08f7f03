using HaloAgent.Commerce.Businesses;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// The web chat page in a real headless Chromium against the real server on Kestrel: a visitor greets the business,
/// orders by typing, taps the offered buttons, and the conversation survives a reload (the session is kept in the browser).
/// </summary>
public sealed class WebChatPageBrowserTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;
    private HeadlessChromium _chromium = null!;
    private Uri _server = null!;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);
        _factory.UseKestrel(0);
        _factory.StartServer();
        using (var client = _factory.CreateClient())
        {
            _server = client.BaseAddress!;
        }

        _chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_visitor_orders_on_the_page_by_typing_and_tapping_buttons()
    {
        var page = await _chromium.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(_server, $"/chat/{DemoBusinessSeeder.DemoSlug}").ToString());
        (await page.TitleAsync()).ShouldContain("Mama Nkechi");

        await SayAsync(page, "Hello");
        await ExpectReplyAsync(page, "Mama Nkechi");
        await SayAsync(page, "I want 2 jollof rice");
        await ExpectReplyAsync(page, "7,000");
        await SayAsync(page, "no");

        // The agent offers pickup or delivery as buttons; the visitor taps one.
        var delivery = page.Locator(".msg.outbound .choices button", new PageLocatorOptions { HasTextString = "Delivery" }).Last;
        await delivery.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await HeadlessChromium.ScreenshotAsync(page, "webchat-choices");
        await delivery.ClickAsync();
        await page.Locator(".msg.inbound", new PageLocatorOptions { HasTextString = "Delivery" }).Last.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        await SayAsync(page, "12 Allen Avenue, Ikeja");
        await ExpectReplyAsync(page, "9,500");
        await HeadlessChromium.ScreenshotAsync(page, "webchat-summary");

        // A reload keeps the conversation: the session lives in the browser, the messages on the server.
        await page.ReloadAsync();
        await ExpectReplyAsync(page, "9,500");
        (await page.Locator(".msg.inbound").CountAsync()).ShouldBe(5);
    }

    private static async Task SayAsync(IPage page, string text)
    {
        await page.FillAsync("#text", text);
        await page.ClickAsync("#send");
        await page.Locator(".msg.inbound:not(.pending)", new PageLocatorOptions { HasTextString = text }).Last
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    private static Task ExpectReplyAsync(IPage page, string text) =>
        page.Locator(".msg.outbound", new PageLocatorOptions { HasTextString = text }).Last.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
}
