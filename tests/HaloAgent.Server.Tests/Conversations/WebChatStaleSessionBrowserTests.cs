using HaloAgent.Commerce.Businesses;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;
using static HaloAgent.Server.Tests.Conversations.WebChatBrowserServer;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// A visitor whose browser kept a session the server no longer accepts is not stuck: an id from before sessions were
/// signed (a plain random id), or a signed session past its lifetime. The server refuses it, the page starts a new
/// session and the visitor's next message is answered.
/// </summary>
public sealed class WebChatStaleSessionBrowserTests(WebChatBrowserServer server) : IClassFixture<WebChatBrowserServer>
{
    private static readonly string StorageKey = $"halo-webchat:{DemoBusinessSeeder.DemoSlug}";

    [Fact]
    public async Task A_session_id_stored_by_an_older_page_is_replaced_and_the_message_is_answered()
    {
        const string oldId = "AAAAAAAAAAAAAAAAAAAAAA";
        var page = await server.OpenChatAsync(390, 844);
        await page.EvaluateAsync("([key, id]) => localStorage.setItem(key, id)", new[] { StorageKey, oldId });
        await page.ReloadAsync();

        await page.FillAsync("#text", "Hello");
        await page.ClickAsync("#send");

        await ExpectReplyAsync(page, "Mama Nkechi");
        (await page.Locator(".msg.inbound", new PageLocatorOptions { HasTextString = "Hello" }).CountAsync()).ShouldBe(1);
        var stored = await StoredSessionAsync(page);
        stored.ShouldNotBeNull();
        stored.ShouldNotBe(oldId);
        (await page.Locator("#status").TextContentAsync()).ShouldBe("");
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_visitor_back_after_the_session_expired_gets_a_new_one_and_is_answered(int width, int height, string screen)
    {
        var page = await server.OpenChatAsync(width, height);
        await SayAsync(page, "Hello");
        await ExpectReplyAsync(page, "Mama Nkechi");
        var first = await StoredSessionAsync(page);
        first.ShouldNotBeNull();

        // The visitor comes back after the session's lifetime (30 days by default).
        server.Clock.Advance(TimeSpan.FromDays(31));
        await page.ReloadAsync();
        await SayAsync(page, "Hello");

        // The old session's messages cannot be read any more: every reply shown is the new session's.
        await ExpectReplyAsync(page, "Mama Nkechi");
        var second = await StoredSessionAsync(page);
        second.ShouldNotBeNull();
        second.ShouldNotBe(first);
        (await page.Locator(".msg.failed").CountAsync()).ShouldBe(0);
        (await page.Locator("#status").TextContentAsync()).ShouldBe("");
        await HeadlessChromium.ScreenshotAsync(page, $"webchat-expired-session-{screen}");
        await ShouldFitAsync(page);
    }

    private static Task<string?> StoredSessionAsync(IPage page) => page.EvaluateAsync<string?>("key => localStorage.getItem(key)", StorageKey);
}
