using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.WebChat;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static HaloAgent.Server.Tests.Conversations.WebChatBrowserServer;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// The bot's WhatsApp formatting on the web chat page, in a real headless Chromium: markers become bold, italic, struck
/// and monospace text as WhatsApp shows them, text that only looks like a marker stays as it is, and markup in a message
/// is shown as text, never run.
/// </summary>
public sealed class WebChatFormattingBrowserTests(WebChatBrowserServer server) : IClassFixture<WebChatBrowserServer>
{
    private const string Message =
        "Total: *₦7,000* _today only_ ~₦8,000~\n```code *not bold*```\n2 * 3 = 6, snake_case_name, *_both_*\n<img src=x onerror=\"document.title='pwned'\"> <b>not bold</b>";

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task WhatsApp_markers_render_as_formatting_and_markup_stays_text(int width, int height)
    {
        var page = await server.OpenChatAsync(width, height);
        await SayAsync(page, "Hello");
        var token = await page.EvaluateAsync<string>("() => Object.entries(localStorage).find(([k]) => k.startsWith('halo-webchat:'))[1]");
        var business = (await server.Factory.Services.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!;
        var key = server.Factory.Services.GetRequiredService<WebChatSessions>().Check(business.Id, token).Key!;
        await server.Factory.Services.GetRequiredService<IOutbox>().EnqueueAsync(
            new OutboundMessage(business.Id, WebChatSession.ContactKey(key), new TextContent(Message), $"format-{width}") { Channel = ChannelKind.WebChat },
            CancellationToken.None);

        await ExpectReplyAsync(page, "Total:");
        var bubble = page.Locator(".msg.outbound", new PageLocatorOptions { HasTextString = "Total:" }).Last;
        (await bubble.Locator("strong").AllInnerTextsAsync()).ShouldBe(["₦7,000", "both"]);
        (await bubble.Locator("em").AllInnerTextsAsync()).ShouldBe(["today only", "both"]);
        (await bubble.Locator("strong > em").CountAsync()).ShouldBe(1, "*_both_* nests");
        (await bubble.Locator("s").AllInnerTextsAsync()).ShouldBe(["₦8,000"]);
        (await bubble.Locator("code").AllInnerTextsAsync()).ShouldBe(["code *not bold*"], "nothing inside ``` is formatted");

        var text = await bubble.Locator(".text").InnerTextAsync();
        text.ShouldContain("2 * 3 = 6, snake_case_name");
        text.ShouldContain("<img src=x onerror=\"document.title='pwned'\"> <b>not bold</b>");
        (await bubble.Locator("img, b").CountAsync()).ShouldBe(0, "markup in a message is text");
        (await page.TitleAsync()).ShouldNotBe("pwned");
        await ShouldFitAsync(page);
    }
}
