using HaloAgent.Commerce.Businesses;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// A visitor whose browser kept a session id from before sessions were signed (a plain random id) is not stuck: the
/// server refuses the old id, the page starts a new session and the message goes through.
/// </summary>
public sealed class WebChatStaleSessionBrowserTests : IAsyncLifetime
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
    public async Task A_session_id_stored_by_an_older_page_is_replaced_and_the_message_is_answered()
    {
        const string oldId = "AAAAAAAAAAAAAAAAAAAAAA";
        var storageKey = $"halo-webchat:{DemoBusinessSeeder.DemoSlug}";
        var page = await _chromium.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(_server, $"/chat/{DemoBusinessSeeder.DemoSlug}").ToString());
        await page.EvaluateAsync("([key, id]) => localStorage.setItem(key, id)", new[] { storageKey, oldId });
        await page.ReloadAsync();

        await page.FillAsync("#text", "Hello");
        await page.ClickAsync("#send");

        await page.Locator(".msg.outbound", new PageLocatorOptions { HasTextString = "Mama Nkechi" }).Last.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        (await page.Locator(".msg.inbound", new PageLocatorOptions { HasTextString = "Hello" }).CountAsync()).ShouldBe(1);
        var stored = await page.EvaluateAsync<string?>("key => localStorage.getItem(key)", storageKey);
        stored.ShouldNotBeNull();
        stored.ShouldNotBe(oldId);
        (await page.Locator("#status").TextContentAsync()).ShouldBe("");
    }
}
