using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HaloAgent.Server.Tests.Payments;
using HaloAgent.Testing.Browser;
using Microsoft.Playwright;
using static HaloAgent.Server.Tests.Conversations.WebChatBrowserServer;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// A customer pays on the web chat page, in a real headless Chromium against the real server, on a phone (touch) and on a
/// laptop: the page greets them with a Menu button, the bot's WhatsApp formatting shows as formatting, and the receipt
/// screenshot they attach goes through the same receipt reading as a WhatsApp image (real OCR), is shown in the chat and
/// acknowledged with the same reply; files that are too large or not pictures are refused with the reason.
/// </summary>
public sealed partial class WebChatReceiptBrowserTests(WebChatBrowserServer server) : IClassFixture<WebChatBrowserServer>
{
    private const int Timeout = 30_000;

    [Theory]
    [InlineData(390, 844, true, "phone")]
    [InlineData(1366, 768, false, "laptop")]
    public async Task A_visitor_is_greeted_orders_from_the_menu_and_sends_the_receipt_screenshot(int width, int height, bool touch, string screen)
    {
        var page = await server.OpenChatAsync(width, height, touch);

        // A new visitor does not face an empty page: a greeting and a way in.
        var greeting = page.Locator(".greeting");
        await greeting.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        (await greeting.InnerTextAsync()).ShouldContain("Welcome");
        (await greeting.Locator("strong").InnerTextAsync()).ShouldBe("Menu", "the greeting's own *Menu* is bold");
        (await page.Locator("#camera").IsVisibleAsync()).ShouldBe(touch, "a camera button on phones only");
        (await page.Locator("#photo").GetAttributeAsync("capture")).ShouldBe("environment");
        (await page.Locator("#image").GetAttributeAsync("accept")).ShouldBe("image/*");
        await ShouldFitAsync(page);
        await HeadlessChromium.ScreenshotAsync(page, $"webchat-greeting-{screen}");

        await greeting.Locator(".choices button", new LocatorLocatorOptions { HasTextString = "Menu" }).ClickAsync();
        await page.Locator(".msg.inbound:not(.pending)", new PageLocatorOptions { HasTextString = "Menu" }).WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        await page.Locator(".msg.outbound .choices button", new PageLocatorOptions { HasTextString = "Jollof" }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        (await page.Locator(".greeting").CountAsync()).ShouldBe(0, "the welcome gives way to the conversation");

        await SayAsync(page, "I want 2 jollof rice");
        await ExpectReplyAsync(page, "7,000");
        await SayAsync(page, "no");
        await TapAsync(page, "Pickup");
        await TapAsync(page, "Yes");
        await ExpectReplyAsync(page, "transfer narration");

        // "Use *HLO-XXXXX* as the transfer narration": the reference is bold, and no asterisk is left on the page.
        var instructions = page.Locator(".msg.outbound", new PageLocatorOptions { HasTextString = "transfer narration" }).Last;
        var reference = await instructions.Locator("strong", new LocatorLocatorOptions { HasTextRegex = Reference() }).First.InnerTextAsync();
        (await instructions.InnerTextAsync()).ShouldNotContain("*");
        var orderNumber = OrderNumber().Match(await page.Locator("#log").InnerTextAsync()).Value;
        orderNumber.ShouldNotBeEmpty();

        // Files the server would refuse are stopped on the page with the reason; one only the server can tell is refused there.
        await page.SetInputFilesAsync("#image", new FilePayload { Name = "huge.png", MimeType = "image/png", Buffer = new byte[(5 * 1024 * 1024) + 1] });
        await ExpectStatusAsync(page, "at most 5 MB");
        await page.SetInputFilesAsync("#image", new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "I don pay"u8.ToArray() });
        await ExpectStatusAsync(page, "not a picture");
        await page.SetInputFilesAsync("#image", new FilePayload { Name = "receipt.png", MimeType = "image/png", Buffer = "not really a png"u8.ToArray() });
        await ExpectStatusAsync(page, "JPEG, PNG, WebP or GIF");
        (await page.Locator(".msg.inbound img").CountAsync()).ShouldBe(0, "nothing refused is shown as sent");

        var receipt = await ReceiptImages.TransferAsync(7_000_00, DateTimeOffset.UtcNow, reference);
        await page.SetInputFilesAsync(touch ? "#photo" : "#image", new FilePayload { Name = "receipt.png", MimeType = "image/png", Buffer = receipt });

        // The picture is the customer's message, loaded back from the server once it has it.
        var sent = page.Locator(".msg.inbound:not(.pending) img").Last;
        await sent.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        (await sent.GetAttributeAsync("src")).ShouldStartWith("/api/webchat/");
        await page.WaitForFunctionAsync(
            "() => { const img = [...document.querySelectorAll('.msg.inbound:not(.pending) img')].pop(); return img && img.complete && img.naturalWidth > 0; }",
            null,
            new PageWaitForFunctionOptions { Timeout = Timeout });
        (await page.Locator("#status").InnerTextAsync()).ShouldBeEmpty();

        // The reply a WhatsApp customer gets for a receipt (payment_receipt_received), after the real OCR read it.
        await ExpectReplyAsync(page, $"Got your receipt for order {orderNumber}");
        await Assertions.Expect(page.Locator(".msg.outbound", new PageLocatorOptions { HasTextString = "Got your receipt" }).Last)
            .ToBeInViewportAsync(new LocatorAssertionsToBeInViewportOptions { Timeout = Timeout });
        await ShouldFitAsync(page);
        await HeadlessChromium.ScreenshotAsync(page, $"webchat-receipt-{screen}");

        // The owner's review queue has it, read and matched like a WhatsApp receipt.
        using var owner = await server.Factory.SignedInClientAsync();
        var queue = (await owner.GetFromJsonAsync<JsonArray>("/api/payments/review"))!;
        var item = queue.Select(i => i!.AsObject()).Single(i => i["payment"]!["reference"]!.GetValue<string>() == reference);
        item["payment"]!["verdict"]!.GetValue<string>().ShouldBe("likely_match");
        item["receipts"]![0]!["fields"]!["amountKobo"]!.GetValue<long>().ShouldBe(7_000_00);
    }

    private static async Task TapAsync(IPage page, string title)
    {
        var button = page.Locator(".msg.outbound .choices button", new PageLocatorOptions { HasTextString = title }).Last;
        await button.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
        await button.ClickAsync();
        await page.Locator(".msg.inbound:not(.pending)", new PageLocatorOptions { HasTextString = title }).Last.WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });
    }

    private static Task ExpectStatusAsync(IPage page, string text) =>
        page.Locator("#status", new PageLocatorOptions { HasTextString = text }).WaitForAsync(new LocatorWaitForOptions { Timeout = Timeout });

    [GeneratedRegex("HLO-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}")]
    private static partial Regex Reference();

    [GeneratedRegex("MNK-[0-9]{4}")]
    private static partial Regex OrderNumber();
}
