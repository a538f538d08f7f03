using HaloAgent.Commerce.Contacts;
using HaloAgent.Server.Tests.Conversations;
using HaloAgent.Server.Tests.Dashboard;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.Browser;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static HaloAgent.Studio.Tests.BrowserChecks;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The owner's inbox as a person uses it, in headless Chromium on a laptop and on a 390 × 844 phone: a WhatsApp customer
/// (signed webhooks, replies at the fake Graph server) asks for a person, the hand-over appears live with the customer's
/// name and a title badge, the chat opens at its newest message, the owner replies (with a quick reply) and the customer's
/// answer arrives without a reload.
/// </summary>
public sealed class InboxBrowserTests(StudioServer server) : IClassFixture<StudioServer>
{
    /// <summary>Counts the beeps (Web Audio oscillators started) the page plays.</summary>
    private const string BeepCounter = """
        window.__beeps = 0;
        const start = OscillatorNode.prototype.start;
        OscillatorNode.prototype.start = function (...args) { window.__beeps++; return start.apply(this, args); };
        """;

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_hand_over_reaches_the_owner_on_any_page_with_a_beep_the_title_and_the_inbox_count(int width, int height, string device)
    {
        var phoneNumber = $"23480378{Random.Shared.Next(10_000, 99_999)}";
        var name = $"Musa Bello {device}";
        var customer = new WhatsAppCustomer(server.Factory.CreateClient(), server.Graph, StudioServer.AppSecret, phoneNumber);
        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/orders", width, height);
        await page.Context.AddInitScriptAsync(BeepCounter);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Orders" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("inbox-count")).ToHaveCountAsync(0);

        // The owner is on the Orders page, not the inbox, when the customer asks for a person.
        await customer.SendAsync(new WhatsAppWebhookBuilder().Text(phoneNumber, "Hello", name: name), _ => true, "the greeting");
        await customer.SendAsync(new WhatsAppWebhookBuilder().Text(phoneNumber, "I want to talk to a person", name: name),
            r => r.Text?.Contains("chat with you") == true, "the hand-over message");

        await Expect(page).ToHaveTitleAsync("(1) HaloAgent");
        await Expect(page.GetByTestId("inbox-count")).ToHaveTextAsync("1");
        (await page.EvaluateAsync<int>("() => window.__beeps")).ShouldBeGreaterThan(0, "a new hand-over plays a sound on any page");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"handover-badge-{device}");

        // Into the inbox and the chat: the count and the title badge go.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Inbox" }).ClickAsync();
        var row = page.GetByTestId("conversation-row").Filter(new LocatorFilterOptions { HasTextString = name });
        await row.ClickAsync();
        await Expect(page.GetByTestId("chat-name")).ToHaveTextAsync(name);
        await Expect(page).ToHaveTitleAsync("HaloAgent");
        await Expect(page.GetByTestId("inbox-count")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(1366, 768, "laptop")]
    [InlineData(390, 844, "phone")]
    public async Task A_handed_over_customer_appears_live_and_the_owner_answers_without_a_reload(int width, int height, string device)
    {
        var phoneNumber = $"23480377{Random.Shared.Next(10_000, 99_999)}";
        var name = $"Ngozi Eze {device}";
        var customer = new WhatsAppCustomer(server.Factory.CreateClient(), server.Graph, StudioServer.AppSecret, phoneNumber);
        var phone = width < 600;

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/inbox", width, height);
        await page.Context.AddInitScriptAsync(BeepCounter);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("live")).ToHaveTextAsync("Live");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        // The customer chats with the agent, then asks for a person: the agent hands over.
        foreach (var text in new[] { "Hello", "menu", "Hi", "menu" })
        {
            await customer.SendAsync(new WhatsAppWebhookBuilder().Text(phoneNumber, text, name: name), _ => true, $"a reply to '{text}'");
        }

        await customer.SendAsync(new WhatsAppWebhookBuilder().Text(phoneNumber, "I want to talk to a person", name: name),
            r => r.Text?.Contains("chat with you") == true, "the hand-over message");

        // Without a reload: the row with the customer's name, phone and channel, the title badge and a beep.
        var row = page.GetByTestId("conversation-row").Filter(new LocatorFilterOptions { HasTextString = name });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("+" + phoneNumber);
        await Expect(row).ToContainTextAsync("WhatsApp");
        await Expect(row).ToContainTextAsync("Handed over");
        await Expect(page).ToHaveTitleAsync("(1) HaloAgent");
        (await page.EvaluateAsync<int>("() => window.__beeps")).ShouldBeGreaterThan(0, "a new hand-over plays a sound");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"inbox-list-{device}");

        // The owner opens it: newest message in view, the reason at the top, the badge gone.
        await row.ClickAsync();
        await Expect(page.GetByTestId("chat-name")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("handover-reason")).ToContainTextAsync("The customer asked for a person.");
        var messages = page.GetByTestId("messages");
        await Expect(messages.GetByTestId("message").Last).ToContainTextAsync("chat with you");
        await ExpectAtNewestAsync(messages);
        (await messages.EvaluateAsync<bool>("m => m.scrollHeight > m.clientHeight + 50")).ShouldBeTrue("the chat is long enough that opening at the top would hide the newest");
        await Expect(page).ToHaveTitleAsync("HaloAgent");
        if (phone)
        {
            // On a phone the chat has the whole width; the list waits behind the back button.
            (await page.Locator(".inbox-thread").EvaluateAsync<double>("e => e.getBoundingClientRect().width")).ShouldBeGreaterThan(width - 40);
            await Expect(page.GetByTestId("conversation-row").First).ToBeHiddenAsync();
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Details" }).ClickAsync();
        }

        var details = page.GetByTestId("contact-panel");
        await Expect(details).ToBeVisibleAsync();
        await Expect(details).ToContainTextAsync("+" + phoneNumber);
        await Expect(details).ToContainTextAsync("WhatsApp");
        await Expect(details).ToContainTextAsync("English");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"inbox-chat-{device}");
        if (phone)
        {
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Details" }).ClickAsync();
        }

        // The agent handed the chat over, so it is the owner's already; the owner answers with a quick reply and a word.
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Hand back" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Quick replies", Exact = true }).First.ClickAsync();
        await page.Locator("#quick-replies-text").FillAsync("Hi! Nkechi here.\nYour order is on its way 🛵");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save" }).ClickAsync();
        await page.Locator(".inbox-quick-toggle").ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Hi! Nkechi here." }).ClickAsync();
        var reply = page.GetByRole(AriaRole.Textbox, new PageGetByRoleOptions { Name = "Reply" });
        await Expect(reply).ToHaveValueAsync("Hi! Nkechi here.");
        await reply.PressSequentiallyAsync($" What can I do for you, {device}?");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send" }).ClickAsync();
        var ownerText = $"Hi! Nkechi here. What can I do for you, {device}?";
        await Expect(messages.GetByTestId("message").Last).ToContainTextAsync(ownerText);
        await Expect(reply).ToHaveValueAsync("");
        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.ToList()), r => r.Any(m => m.Text == ownerText),
            TimeSpan.FromSeconds(60), "the owner's reply at the customer's WhatsApp");

        // The customer answers: it appears in the open chat, at the bottom, without a reload.
        await customer.PostAsync(new WhatsAppWebhookBuilder().Text(phoneNumber, "Please add 2 puff puff to my order", name: name));
        await Expect(messages.GetByTestId("message").Last).ToContainTextAsync("Please add 2 puff puff to my order", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await ExpectAtNewestAsync(messages);
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the answer arrived without a reload");
        await NoSidewaysScrollAsync(page, width);

        // Handing back gives the chat to the agent (no replying); taking it over again is the owner's own doing: it is
        // no new hand-over (no badge, no beep).
        var beeps = await page.EvaluateAsync<int>("() => window.__beeps");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Hand back" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take over" })).ToBeVisibleAsync();
        await Expect(reply).ToBeDisabledAsync();
        await Expect(messages.GetByTestId("message").Last).ToContainTextAsync("back to help", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Take over" }).ClickAsync();
        await Expect(page.GetByTestId("handover-reason")).ToContainTextAsync("taken over by");
        await Expect(reply).ToBeEnabledAsync();
        await customer.PostAsync(new WhatsAppWebhookBuilder().Text(phoneNumber, "Thanks, I will wait", name: name));
        await Expect(messages.GetByTestId("message").Last).ToContainTextAsync("Thanks, I will wait", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await ExpectAtNewestAsync(messages);
        await Expect(page).ToHaveTitleAsync("HaloAgent");
        (await page.EvaluateAsync<int>("() => window.__beeps")).ShouldBe(beeps, "the owner's own take-over is not announced to them");

        if (phone)
        {
            // Back on the list: the row shows the latest message, read (the owner saw it in the open chat).
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Back to conversations" }).ClickAsync();
            await Expect(row).ToBeVisibleAsync();
            await Expect(row).ToContainTextAsync("Thanks, I will wait");
        }

        await Expect(row.Locator(".inbox-unread")).ToHaveCountAsync(0);

        // A deep link (the Today screen's) opens the same conversation.
        var businessId = await DashboardSeed.DemoBusinessIdAsync(server.Factory.Services);
        var contact = (await server.Factory.Services.GetRequiredService<IContactService>().FindByWaIdAsync(businessId, phoneNumber, default))!;
        var linked = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, $"/inbox?contact={contact.Id}", width, height);
        await Expect(linked.GetByTestId("chat-name")).ToHaveTextAsync(name);
        await Expect(linked.GetByTestId("message").Last).ToContainTextAsync("Thanks, I will wait");
        await ExpectAtNewestAsync(linked.GetByTestId("messages"));
        await NoSidewaysScrollAsync(linked, width);
        (await StudioServer.CspViolationsAsync(page)).ShouldBeEmpty();
        await page.Context.CloseAsync();
        await linked.Context.CloseAsync();
    }

    /// <summary>The messages are scrolled to the bottom: the newest one is in view.</summary>
    private static async Task ExpectAtNewestAsync(ILocator messages)
    {
        try
        {
            await messages.Page.WaitForFunctionAsync(
                "m => m.scrollHeight - m.scrollTop - m.clientHeight < 4",
                await messages.ElementHandleAsync(),
                new PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException e)
        {
            var where = await messages.EvaluateAsync<string>(
                "m => `scrollTop=${m.scrollTop} scrollHeight=${m.scrollHeight} clientHeight=${m.clientHeight}; last: ${[...m.children].slice(-3).map(c => `${c.offsetTop}+${c.offsetHeight} ${c.textContent.slice(0, 40)}`).join(' | ')}`");
            await HeadlessChromium.ScreenshotAsync(messages.Page, "inbox-not-at-newest");
            throw new TimeoutException($"The messages are not scrolled to the newest: {where}", e);
        }

        await Expect(messages.GetByTestId("message").Last).ToBeInViewportAsync();
    }

    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 768, "laptop")]
    public async Task A_photo_the_customer_sent_shows_in_the_chat_with_its_caption(int width, int height, string device)
    {
        // A 1 × 1 PNG: it must decode in the page, so what is shown is what the customer sent.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var phoneNumber = $"23480376{Random.Shared.Next(10_000, 99_999)}";
        var name = $"Bola Ade {device}";
        var customer = new WhatsAppCustomer(server.Factory.CreateClient(), server.Graph, StudioServer.AppSecret, phoneNumber);
        var media = server.Graph.AddMedia(png, "image/png");
        await customer.SendAsync(new WhatsAppWebhookBuilder().Image(phoneNumber, media, caption: "my rice came cold", name: name), _ => true, "any reply");

        var page = await server.SignInAsync(StudioServer.OwnerEmail, StudioServer.OwnerPassword, "/inbox", width, height);
        await page.GetByTestId("conversation-row").Filter(new LocatorFilterOptions { HasTextString = name }).ClickAsync();
        var bubble = page.GetByTestId("message").Filter(new LocatorFilterOptions { HasTextString = "my rice came cold" });
        var image = bubble.GetByTestId("message-image");
        await Expect(image).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth === 1", await image.ElementHandleAsync());
        await Expect(bubble.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Open the customer's picture" })).ToHaveAttributeAsync("target", "_blank");
        await NoSidewaysScrollAsync(page, width);
        await HeadlessChromium.ScreenshotAsync(page, $"inbox-photo-{device}");
    }
}
