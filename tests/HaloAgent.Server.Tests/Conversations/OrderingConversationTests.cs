using System.Net;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// Whole conversations through the signed WhatsApp webhook, the inbox, the engine's ordering flow and the outbox, to a
/// fake Graph server speaking Meta's protocol: a customer orders in each of the five languages.
/// </summary>
public sealed class OrderingConversationTests : IAsyncLifetime
{
    private WhatsAppConversationServer _server = null!;

    public async Task InitializeAsync() => _server = await WhatsAppConversationServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string, string, string> Languages() => new()
    {
        { "en", "2348030000001", "Hello", "I want 2 jollof rice", "no" },
        { "pcm", "2348030000002", "How far", "Abeg make I get jollof rice 2", "no" },
        { "yo", "2348030000003", "Ẹ káàárọ̀", "Mo fẹ́ ra jollof méjì", "rárá" },
        { "ig", "2348030000004", "Ndewo", "Achọrọ m ịzụta jollof abụọ", "mba" },
        { "ha", "2348030000005", "Sannu", "Ina son shinkafa jollof guda biyu", "a'a" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_customer_orders_two_jollof_for_delivery_in_their_language(string language, string phone, string greeting, string order, string nothingElse)
    {
        var customer = _server.Customer(phone);

        await customer.SaysAsync(greeting, r => r.Text?.Contains("Mama Nkechi") == true, "a greeting naming the business");
        var added = await customer.SaysAsync(order, r => r.Text?.Contains("7,000") == true, "2 × ₦3,500 in the cart");
        added.ShouldNotContain(r => r.Text!.Contains("14,000"), "the quantity was counted once");
        var asked = await customer.SaysAsync(nothingElse, r => r.Type == "interactive", "pickup or delivery buttons");
        WhatsAppConversationServer.ButtonIds(asked.Last(r => r.Type == "interactive")).ShouldBe(["pickup", "delivery"]);
        await customer.TapsAsync("delivery", "Delivery", r => r.Type == "text", "a request for the address");
        var summary = await customer.SaysAsync("12 Allen Avenue, Ikeja", r => r.Type == "interactive", "the summary with a confirm button");
        summary[0].Text!.ShouldContain("9,500"); // the summary (₦7,000 + ₦2,500 delivery to Ikeja) comes before the question
        var placed = await customer.TapsAsync("confirm", "Yes", r => r.Text?.Contains("MNK-") == true, "the order number");

        var contact = await _server.Service<IContactService>().FindByWaIdAsync(await _server.DemoBusinessIdAsync(), phone, default);
        contact!.PreferredLanguage.ShouldBe(language);
        var orders = await _server.Service<IOrderService>().ListForContactAsync(contact.BusinessId, contact.Id, 10, default);
        var placedOrder = orders.ShouldHaveSingleItem();
        placedOrder.TotalKobo.ShouldBe(9_500_00);
        placedOrder.Status.ShouldBe(OrderStatus.PendingPayment);
        placed.ShouldContain(r => r.Text!.Contains(placedOrder.Number));
    }

    [Fact]
    public async Task A_customer_who_types_three_messages_in_a_row_gets_an_answer_to_each_in_order()
    {
        // People send a burst before the first answer comes; the second and third must not be lost while the agent is busy.
        var customer = _server.Customer("2348030000011");
        foreach (var text in new[] { "menu", "I want 2 jollof rice", "I want to talk to a person" })
        {
            await customer.PostAsync(new WhatsAppWebhookBuilder().Text(customer.Phone, text, name: "Ada"));
        }

        var replies = await Eventually.ReturnsAsync(
            () => Task.FromResult(customer.Replies.Where(r => r.Type is not null).ToList()),
            r => r.Any(m => m.Text?.Contains("chat with you") == true),
            what: "the hand-over after the menu and the cart");
        var menu = replies.FindIndex(r => r.Type == "interactive");
        var cart = replies.FindIndex(r => r.Text?.Contains("7,000") == true);
        var handover = replies.FindIndex(r => r.Text?.Contains("chat with you") == true);
        menu.ShouldBeGreaterThanOrEqualTo(0, "the menu was sent");
        cart.ShouldBeGreaterThan(menu, "the cart came after the menu");
        handover.ShouldBeGreaterThan(cart, "the hand-over came last");
    }

    [Fact]
    public async Task A_redelivered_webhook_creates_no_second_reply_and_an_unsigned_one_is_refused()
    {
        var customer = _server.Customer("2348030000010");
        var hook = new WhatsAppWebhookBuilder().Text(customer.Phone, "I want 3 puff puff", name: "Ada");
        var signed = hook.Sign(WhatsAppConversationServer.AppSecret);
        using (var first = await _server.Client.SendAsync(signed.ToRequest("/webhooks/whatsapp")))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Count), n => n > 0, what: "the first reply");
        using (var again = await _server.Client.SendAsync(signed.ToRequest("/webhooks/whatsapp")))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(signed.Body) };
        (await _server.Client.SendAsync(unsigned)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // A later message is answered after the redelivery was processed: if the redelivery had produced a reply, it would show up first.
        await customer.SaysAsync("show me the menu", r => r.Type == "interactive", "the menu");
        customer.Replies.Count(r => r.Text?.Contains("Added") == true).ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_product_and_a_quantity_beyond_stock_get_clear_answers()
    {
        var customer = _server.Customer("2348030000011");
        await customer.SaysAsync("I want 2 pizza", r => r.Text?.Contains("pizza", StringComparison.OrdinalIgnoreCase) == true, "pizza is not on the menu");
        await customer.SaysAsync("I want 99 jollof rice", r => r.Text?.Contains("40") == true, "only 40 jollof left");
    }

    [Fact]
    public async Task A_catalog_cart_and_a_shared_location_make_an_order_at_catalog_prices()
    {
        var customer = _server.Customer("2348030000015");
        // The customer's copy of the price (₦1) is ignored: totals come from our catalog.
        await customer.SendAsync(
            new WhatsAppWebhookBuilder().Order(customer.Phone, "catalog-1", [("JOLLOF-RICE", 3, 1m, "NGN")], name: "Ada"),
            r => r.Text?.Contains("10,500") == true,
            "3 × ₦3,500 in the cart");
        await customer.SaysAsync("no", r => r.Type == "interactive", "pickup or delivery buttons");
        await customer.TapsAsync("delivery", "Delivery", r => r.Type == "text", "a request for the address");
        var summary = await customer.SendAsync(
            new WhatsAppWebhookBuilder().Location(customer.Phone, 6.4281, 3.4219, "Home", "5 Admiralty Way, Lekki", name: "Ada"),
            r => r.Type == "interactive",
            "the summary");
        summary[0].Text!.ShouldContain("14,000"); // ₦10,500 + ₦3,500 delivery to Lekki, from the shared location's address
    }

    [Fact]
    public async Task A_sticker_or_an_emoji_only_message_gets_a_polite_answer()
    {
        var customer = _server.Customer("2348030000014");
        await customer.SendAsync(new WhatsAppWebhookBuilder().Unsupported(customer.Phone, "sticker"), r => r.Text?.Contains("can't open") == true, "the unsupported-message answer");
        await customer.SaysAsync("🙂🙂", r => r.Text?.Contains("menu") == true, "a polite not-understood answer");
        await customer.SaysAsync(new string('a', 4000), r => r.Text is not null, "an answer to a 4,000-character message");
    }

    [Fact]
    public async Task Stop_opts_out_and_start_opts_back_in()
    {
        var customer = _server.Customer("2348030000012");
        var stopped = await customer.SaysAsync("STOP", r => r.Text?.Contains("START") == true, "the opt-out confirmation");
        stopped.ShouldHaveSingleItem();
        var contact = await _server.Service<IContactService>().FindByWaIdAsync(await _server.DemoBusinessIdAsync(), customer.Phone, default);
        contact!.MarketingOptOut.ShouldBeTrue();

        await customer.SaysAsync("START", r => r.Text?.Contains("STOP") == true, "the opt-in confirmation");
        (await _server.Service<IContactService>().GetAsync(contact.Id, default))!.MarketingOptOut.ShouldBeFalse();
    }

    [Fact]
    public async Task An_abandoned_cart_is_nudged_twice_then_left_alone()
    {
        var customer = _server.Customer("2348030000013");
        await customer.SaysAsync("I want 1 suya", r => r.Text?.Contains("Added") == true, "the suya in the cart");
        var before = customer.Replies.Count;

        _server.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Count), n => n == before + 1, what: "the first nudge");
        _server.Clock.Advance(TimeSpan.FromHours(23));
        await Eventually.ReturnsAsync(() => Task.FromResult(customer.Replies.Count), n => n == before + 2, what: "the second nudge");
        customer.Replies.Skip(before).ShouldAllBe(r => r.Text!.Contains("suya", StringComparison.OrdinalIgnoreCase) || r.Text.Contains("₦"));

        // After the second nudge the flow has ended: a week later nothing more is sent (the answer to a new message proves the engine ran).
        _server.Clock.Advance(TimeSpan.FromDays(7));
        await customer.SaysAsync("hello", r => r.Text?.Contains("Mama Nkechi") == true, "a greeting");
        customer.Replies.Count.ShouldBe(before + 3);
    }
}
