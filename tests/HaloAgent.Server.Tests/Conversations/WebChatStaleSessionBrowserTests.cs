using HaloAgent.Commerce.Businesses;
using Microsoft.Playwright;
using static HaloAgent.Server.Tests.Conversations.WebChatBrowserServer;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// A visitor whose browser kept a session id from before sessions were signed (a plain random id) is not stuck: the
/// server refuses the old id, the page starts a new session and the message goes through.
/// </summary>
public sealed class WebChatStaleSessionBrowserTests(WebChatBrowserServer server) : IClassFixture<WebChatBrowserServer>
{
    private static readonly string StorageKey = $"halo-webchat:{DemoBusinessSeeder.DemoSlug}";

    [Fact]
    public async Task A_session_id_stored_by_an_older_page_is_replaced_and_the_message_is_answered()
    {
        const string oldId = "AAAAAAAAAAAAAAAAAAAAAA";
        var page = await server.OpenChatAsync(1280, 720);
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

    private static Task<string?> StoredSessionAsync(IPage page) => page.EvaluateAsync<string?>("key => localStorage.getItem(key)", StorageKey);
}
