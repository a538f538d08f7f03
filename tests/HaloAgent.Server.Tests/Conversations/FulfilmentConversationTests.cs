using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Orders;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// Opening hours, the pickup address and the delivery zones in whole conversations through the signed webhook (issue
/// 19): what a pickup customer is told, which fee a delivery carries, an area the business does not serve, an order
/// placed while the kitchen is closed, and a change of address at any point.
/// </summary>
public sealed class FulfilmentConversationTests : IAsyncLifetime
{
    private WhatsAppConversationServer _server = null!;

    public async Task InitializeAsync() => _server = await WhatsAppConversationServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("2348032000001", "I want 2 jollof rice", "that's all", "Pickup at 14 Herbert Macaulay Way", "Open today: ")]
    [InlineData("2348032000002", "Mo fẹ́ ra jollof méjì", "rárá", "Ẹ máa wá gbà á ní 14 Herbert Macaulay Way", "A ṣí lónìí: ")]
    public async Task A_pickup_customer_is_told_the_address_and_todays_hours(string phone, string order, string nothingElse, string address, string hours)
    {
        var at = MoveTo(hour: 13, minute: 0); // every demo day is open at 13:00
        var today = at.DayOfWeek switch
        {
            DayOfWeek.Friday => "08:00–22:00", DayOfWeek.Saturday => "09:00–22:00", DayOfWeek.Sunday => "12:00–20:00", _ => "08:00–21:00",
        };
        var customer = _server.Customer(phone);
        await customer.SaysAsync(order, r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        await customer.SaysAsync(nothingElse, r => r.Type == "interactive", "pickup or delivery buttons");
        var summary = await customer.TapsAsync("pickup", "Pickup", r => r.Type == "interactive", "the pickup summary");
        var text = summary[0].Text!;
        text.ShouldContain(address);
        text.ShouldContain(hours + today);
        text.ShouldNotContain("closed", Case.Insensitive);
    }

    [Fact]
    public async Task Delivery_carries_the_fee_of_the_zone_and_an_area_outside_every_zone_is_refused_with_the_zones()
    {
        var customer = _server.Customer("2348032000003");
        await customer.SaysAsync("I want 2 jollof rice", r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        await customer.SaysAsync("that's all", r => r.Type == "interactive", "pickup or delivery buttons");
        await customer.TapsAsync("delivery", "Delivery", r => r.Type == "text", "a request for the address");
        await customer.SaysAsync("opposite the market", r => IsList(r), "the zones to pick from");

        var refused = await customer.SaysAsync("Badagry", r => IsList(r), "the zones again");
        var list = refused.Last(IsList);
        list.Body["interactive"]!["body"]!["text"]!.GetValue<string>().ShouldContain("don't deliver to Badagry");
        Rows(list).ShouldContain("Lekki");
        var contact = await _server.ContactAsync(customer.Phone);
        (await _server.Service<IOrderService>().ListForContactAsync(contact.BusinessId, contact.Id, 10, default)).ShouldBeEmpty();

        var summary = await customer.SendAsync(new WhatsAppWebhookBuilder().ListReply(customer.Phone, "Yaba", "Yaba", name: "Ada"),
            r => r.Type == "interactive", "the summary");
        summary[0].Text!.ShouldContain("Delivery to Yaba: ₦1,500");
        summary[0].Text!.ShouldContain("₦8,500");
    }

    [Fact]
    public async Task An_order_placed_while_closed_is_taken_for_the_next_opening_and_the_customer_is_told_when()
    {
        var at = MoveTo(hour: 2, minute: 30); // closed every night of the week
        var opening = at.DayOfWeek switch { DayOfWeek.Saturday => "09:00", DayOfWeek.Sunday => "12:00", _ => "08:00" };
        var when = $"{at.DayOfWeek} {opening}";

        var customer = _server.Customer("2348032000004");
        await customer.SaysAsync("I want 2 jollof rice", r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        await customer.SaysAsync("that's all", r => r.Type == "interactive", "pickup or delivery buttons");
        var summary = await customer.TapsAsync("pickup", "Pickup", r => r.Type == "interactive", "the pickup summary");
        summary[0].Text!.ShouldContain($"closed right now: we'll take your order for when we open, {when}");

        var placed = await customer.TapsAsync("confirm", "Yes", r => r.Text?.Contains("MNK-") == true, "the order number");
        placed.First(r => r.Text?.Contains("MNK-") == true).Text!.ShouldContain($"start on it when we open: {when}");
        var contact = await _server.ContactAsync(customer.Phone);
        var order = (await _server.Service<IOrderService>().ListForContactAsync(contact.BusinessId, contact.Id, 10, default)).ShouldHaveSingleItem();
        order.Status.ShouldBe(OrderStatus.PendingPayment);
        order.Note.ShouldBe($"Placed while closed: for the opening at {at:yyyy-MM-dd} {opening} (Lagos time).");
    }

    [Theory]
    [InlineData("2348032000005", "I want 2 jollof rice", "that's all", "deliver to Lekki instead", "Lekki", "3,500")]
    [InlineData("2348032000006", "Abeg make I get jollof rice 2", "na all", "na Yaba I dey now", "Yaba", "1,500")]
    [InlineData("2348032000007", "Mo fẹ́ ra jollof méjì", "rárá", "mo wa ni Surulere bayi", "Surulere", "2,000")]
    [InlineData("2348032000008", "Achọrọ m ịzụta jollof abụọ", "mba", "anọ m na Ikeja ugbu a", "Ikeja", "2,500")]
    [InlineData("2348032000009", "Ina son shinkafa jollof guda biyu", "a'a", "ina Yaba yanzu", "Yaba", "1,500")]
    public async Task A_new_place_at_the_pickup_summary_makes_it_a_delivery_there_with_that_zones_fee(
        string phone, string order, string nothingElse, string moved, string zone, string fee)
    {
        var customer = _server.Customer(phone);
        await customer.SaysAsync(order, r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        await customer.SaysAsync(nothingElse, r => r.Type == "interactive", "pickup or delivery buttons");
        await customer.TapsAsync("pickup", "Pickup", r => r.Type == "interactive", "the pickup summary");

        var summary = await customer.SaysAsync(moved, r => r.Type == "interactive", "a delivery summary");
        summary[0].Text!.ShouldContain(zone);
        summary[0].Text!.ShouldContain(fee);
        await customer.TapsAsync("confirm", "Yes", r => r.Text?.Contains("MNK-") == true, "the order number");
        var contact = await _server.ContactAsync(customer.Phone);
        var placed = (await _server.Service<IOrderService>().ListForContactAsync(contact.BusinessId, contact.Id, 10, default)).ShouldHaveSingleItem();
        placed.Fulfilment.ShouldBe(Fulfilment.Delivery);
        placed.DeliveryZone.ShouldBe(zone);
        placed.DeliveryAddress.ShouldBe(zone);
        placed.DeliveryFeeKobo.ShouldBe(DemoBusinessSeeder.DemoZones.Single(z => z.Name == zone).FeeKobo);
    }

    [Fact]
    public async Task A_delivery_moved_to_another_area_at_the_summary_is_charged_for_the_new_area_and_forgets_the_old_address()
    {
        var customer = _server.Customer("2348032000010");
        await customer.SaysAsync("I want 2 jollof rice", r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        await customer.SaysAsync("that's all", r => r.Type == "interactive", "pickup or delivery buttons");
        await customer.TapsAsync("delivery", "Delivery", r => r.Type == "text", "a request for the address");
        var first = await customer.SaysAsync("12 Allen Avenue, Ikeja", r => r.Type == "interactive", "the Ikeja summary");
        first[0].Text!.ShouldContain("Delivery to Ikeja: ₦2,500");

        var moved = await customer.SaysAsync("I'm in Surulere now", r => r.Type == "interactive", "the Surulere summary");
        moved[0].Text!.ShouldContain("Delivery to Surulere: ₦2,000");
        moved[0].Text!.ShouldNotContain("Allen Avenue");
    }

    /// <summary>Moves the server's clock forward to the next <paramref name="hour"/>:<paramref name="minute"/> in Lagos (at most a day).</summary>
    private DateTimeOffset MoveTo(int hour, int minute)
    {
        var now = _server.Clock.GetUtcNow();
        var local = now.ToOffset(BusinessDayOffset);
        var target = new DateTimeOffset(local.Date.AddHours(hour).AddMinutes(minute), BusinessDayOffset);
        if (target <= local)
        {
            target = target.AddDays(1);
        }

        _server.Clock.Advance(target - now);
        return target;
    }

    private static readonly TimeSpan BusinessDayOffset = HaloAgent.Commerce.Catalog.BusinessDay.Offset;

    private static bool IsList(FakeGraphRequest request) => request.Body["interactive"]?["type"]?.GetValue<string>() == "list";

    private static List<string> Rows(FakeGraphRequest list) =>
        list.Body["interactive"]!["action"]!["sections"]!.AsArray()
            .SelectMany(s => s!["rows"]!.AsArray()).Select(r => r!["title"]!.GetValue<string>()).ToList();
}
