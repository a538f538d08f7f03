using HaloAgent.Commerce.Businesses;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// What the web chat browser tests share: the real server on Kestrel (SQLite, the demo business) and a headless Chromium,
/// one per test class.
/// </summary>
public sealed class WebChatBrowserServer : IAsyncLifetime
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

    /// <summary>The demo business's chat page in a fresh browser context (its own storage) of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public async Task<IPage> OpenChatAsync(int width, int height)
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(_server, $"/chat/{DemoBusinessSeeder.DemoSlug}").ToString());
        return page;
    }

    /// <summary>Types and sends <paramref name="text"/>, and waits until the server has it (no longer pending).</summary>
    public static async Task SayAsync(IPage page, string text)
    {
        await page.FillAsync("#text", text);
        await page.ClickAsync("#send");
        await page.Locator(".msg.inbound:not(.pending)", new PageLocatorOptions { HasTextString = text }).Last
            .WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    public static Task ExpectReplyAsync(IPage page, string text) =>
        page.Locator(".msg.outbound", new PageLocatorOptions { HasTextString = text }).Last.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
}
