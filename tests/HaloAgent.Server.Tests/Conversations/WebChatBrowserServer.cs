using HaloAgent.Commerce.Businesses;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// What the web chat browser tests share: the real server on Kestrel (SQLite, the demo business) and a headless Chromium,
/// one per test class. The server's clock can be moved forward (<see cref="Clock"/>) to make a visitor's session expire.
/// </summary>
public sealed class WebChatBrowserServer : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;
    private HeadlessChromium _chromium = null!;
    private Uri _server = null!;

    /// <summary>Real time plus an offset the tests move forward.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>The server, for what the owner sees (a signed-in client).</summary>
    public HaloAgentFactory Factory => _factory;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, clock: Clock);
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

    /// <summary>
    /// The demo business's chat page in a fresh browser context (its own storage) of <paramref name="width"/> × <paramref name="height"/>;
    /// <paramref name="touch"/> makes it a phone's (a touch screen, a coarse pointer).
    /// </summary>
    /// <param name="locale">The browser's language (navigator.language and Accept-Language), e.g. "yo-NG"; Chromium's default when null.</param>
    public async Task<IPage> OpenChatAsync(int width, int height, bool touch = false, string? locale = null)
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = touch,
            IsMobile = touch,
            Locale = locale,
        });
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

    /// <summary>The page fits its viewport: nothing scrolls sideways, and the message box and Send button are fully on screen.</summary>
    public static async Task ShouldFitAsync(IPage page)
    {
        var viewport = page.ViewportSize!;
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"the page scrolls sideways at {viewport.Width} px");
        foreach (var selector in new[] { "#text", "#send" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            box.ShouldNotBeNull(selector);
            box.X.ShouldBeGreaterThanOrEqualTo(0, selector);
            box.Y.ShouldBeGreaterThanOrEqualTo(0, selector);
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(viewport.Width, $"{selector} at {viewport.Width} px");
            (box.Y + box.Height).ShouldBeLessThanOrEqualTo(viewport.Height, $"{selector} at {viewport.Height} px high");
        }
    }
}

/// <summary>Real time, moved forward by <see cref="Advance"/>: the server keeps running while a visitor's session ages.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
