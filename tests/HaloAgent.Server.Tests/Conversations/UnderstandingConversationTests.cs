using System.Text.Json.Nodes;
using HaloAgent.Commerce.Carts;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// Ordinary turns that used to fail in a customer trial (issue 19), each as a whole conversation through the signed
/// webhook: suggested words, several dishes at once, questions, corrections, opt-outs in the customer's language, the
/// closing and the menu.
/// </summary>
public sealed class UnderstandingConversationTests : IAsyncLifetime
{
    private WhatsAppConversationServer _server = null!;

    public async Task InitializeAsync() => _server = await WhatsAppConversationServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Cart_thats_all_and_pickup_while_asked_anything_else_move_the_order_on()
    {
        var customer = Customer("2348031900001");
        await customer.SaysAsync("I want 2 jollof rice", r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");

        var cart = await customer.SaysAsync("cart", r => r.Text?.Contains("Jollof rice", StringComparison.OrdinalIgnoreCase) == true, "the cart");
        cart.ShouldNotContain(r => r.Text!.Contains("didn't quite get"), "cart is understood");

        var asked = await customer.SaysAsync("that's all", r => r.Type == "interactive", "pickup or delivery buttons");
        WhatsAppConversationServer.ButtonIds(asked.Last(r => r.Type == "interactive")).ShouldBe(["pickup", "delivery"]);
        await customer.TapsAsync("pickup", "Pickup", r => r.Type == "interactive", "the pickup summary with confirm buttons");

        // A change of mind at the summary: "change to delivery" asks for the address instead of taking the order.
        await customer.SaysAsync("change to delivery", r => r.Text?.Contains("address", StringComparison.OrdinalIgnoreCase) == true, "a request for the address");

        // Pidgin "I go come carry am" (pickup) said while the bot asks "anything else?" picks the fulfilment.
        var pidgin = Customer("2348031900002");
        await pidgin.SaysAsync("abeg make I get jollof rice 2", r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        var summary = await pidgin.SaysAsync("I go come carry am", r => r.Type == "interactive", "the summary with confirm buttons");
        summary.Any(IsList).ShouldBeFalse("not the menu");
        summary[0].Text!.ShouldContain("7,000");
    }

    [Fact]
    public async Task Several_dishes_in_one_message_are_all_named_in_the_reply()
    {
        var customer = Customer("2348031900003");
        var added = await customer.SaysAsync("2 jollof rice and 1 moi moi", r => r.Text?.Contains("7,800") == true, "both dishes in the cart");
        var text = added.First(r => r.Text?.Contains("7,800") == true).Text!;
        text.ShouldContain("Jollof rice", Case.Insensitive);
        text.ShouldContain("Moi moi", Case.Insensitive);
    }

    [Theory]
    [InlineData("2348031900004", "how much is jollof?", "3,500")]
    [InlineData("2348031900005", "jollof rice dey?", "Jollof")]
    [InlineData("2348031900006", "èló ni ìrẹsì jollof", "3,500")]
    [InlineData("2348031900007", "nawa ne shinkafa jollof", "3,500")]
    [InlineData("2348031900008", "ego ole jollof", "3,500")]
    public async Task A_question_about_a_dish_is_answered_and_the_cart_stays_as_it_was(string phone, string question, string answer)
    {
        var customer = Customer(phone);
        var replies = await customer.SaysAsync(question, r => r.Text?.Contains(answer, StringComparison.OrdinalIgnoreCase) == true, "the answer");
        replies.ShouldNotContain(r => r.Text!.Contains("to your cart", StringComparison.OrdinalIgnoreCase));
        var contact = await _server.ContactAsync(phone);
        (await _server.Service<ICartService>().GetAsync(contact.BusinessId, contact.Id, default)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Make_am_3_after_I_want_2_sets_three_and_the_order_is_for_three()
    {
        var customer = Customer("2348031900009");
        await customer.SaysAsync("abeg I want 2 jollof rice", r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        await customer.SaysAsync("make am 3", r => r.Text?.Contains("10,500") == true, "3 jollof, not 5");
        var contact = await _server.ContactAsync(customer.Phone);
        var cart = await _server.Service<ICartService>().GetAsync(contact.BusinessId, contact.Id, default);
        cart.Lines.ShouldHaveSingleItem().Quantity.ShouldBe(3);

        await customer.SaysAsync("remove the jollof", r => r.Text is not null, "the jollof removed");
        (await _server.Service<ICartService>().GetAsync(contact.BusinessId, contact.Id, default)).IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData("2348031900010", "pcm", "abeg no send me message again", "E don do")]
    [InlineData("2348031900011", "yo", "ẹ má fi ọ̀rọ̀ ránṣẹ́ sí mi mọ́", "Ó ti di ṣíṣe")]
    [InlineData("2348031900012", "yo", "e dake", "Ó ti di ṣíṣe")]
    [InlineData("2348031900013", "ig", "ezitekwala m ozi", "O mechaala")]
    [InlineData("2348031900014", "ha", "ku daina turo min sako", "An gama")]
    public async Task An_opt_out_is_recognised_and_confirmed_in_the_customers_language(string phone, string language, string stop, string confirmation)
    {
        var customer = Customer(phone);
        await customer.SaysAsync(stop, r => r.Text?.Contains(confirmation) == true, $"the {language} opt-out confirmation");
        var contact = await _server.ContactAsync(phone);
        contact.MarketingOptOut.ShouldBeTrue();
        contact.PreferredLanguage.ShouldBe(language);
    }

    [Fact]
    public async Task Pidgin_yes_no_buttons_are_in_pidgin_and_thanks_after_ordering_is_acknowledged()
    {
        var customer = Customer("2348031900015");
        await customer.SaysAsync("abeg make I get jollof rice 2", r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        var confirm = await customer.SaysAsync("na all, I go come pick am", r => r.Type == "interactive", "the confirm buttons");
        var titles = WhatsAppConversationServer.ButtonTitles(confirm.Last(r => r.Type == "interactive"));
        titles.ShouldNotContain("Yes, confirm");
        titles.ShouldNotContain("Change order");

        await customer.TapsAsync("confirm", titles[0], r => r.Text?.Contains("MNK-") == true, "the order number");
        var thanks = await customer.SaysAsync("tank you", r => r.Text is not null, "an answer to thanks");
        thanks.ShouldNotContain(r => r.Text!.Contains("Welcome to"), "thanks does not restart the greeting");
    }

    [Fact]
    public async Task The_menu_lists_every_dish_within_whatsapps_limits()
    {
        var customer = Customer("2348031900016");
        await customer.SaysAsync("menu", r => r.Type == "interactive", "the menu");
        var lists = await Eventually.ReturnsAsync(
            () => Task.FromResult(customer.Replies.Where(IsList).ToList()),
            l => l.SelectMany(Rows).Count() >= 15,
            TimeSpan.FromSeconds(30),
            "every one of the 15 dishes");
        foreach (var list in lists)
        {
            var rows = Rows(list).ToList();
            rows.Count.ShouldBeLessThanOrEqualTo(10);
            rows.ShouldAllBe(r => r["title"]!.GetValue<string>().Length <= 24);
            rows.ShouldAllBe(r => r["description"]!.GetValue<string>().Length <= 72);
        }

        lists.SelectMany(Rows).ShouldContain(r => r["description"]!.GetValue<string>().Contains("Tuwo shinkafa & miyan kuka"));
    }

    private WhatsAppCustomer Customer(string phone) => _server.Customer(phone);

    private static bool IsList(FakeGraphRequest request) => request.Body["interactive"]?["type"]?.GetValue<string>() == "list";

    private static IEnumerable<JsonNode> Rows(FakeGraphRequest list) =>
        list.Body["interactive"]!["action"]!["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray()).Select(r => r!);
}
