using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Orders;

namespace HaloAgent.Server.Tests.Conversations;

/// <summary>
/// "Same as last time" through the signed webhook (issue 19): the last paid order's dishes go into the cart at today's
/// prices, a dish sold out today is said so and left out, and a customer with no paid order is told so.
/// </summary>
public sealed class ReorderConversationTests : IAsyncLifetime
{
    private WhatsAppConversationServer _server = null!;

    public async Task InitializeAsync() => _server = await WhatsAppConversationServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("2348033000001", "same as last time", "2 × Jollof rice & chicken")]
    [InlineData("2348033000002", "abeg give me the usual", "2 × Jollof rice and chicken")]
    [InlineData("2348033000003", "bí ti tẹ́lẹ̀ ni", "2 × Ìrẹsì jọ̀lọ́ọ̀fù")]
    [InlineData("2348033000004", "dị ka nke gara aga", "2 × Osikapa jollof")]
    [InlineData("2348033000005", "kamar na da", "2 × Shinkafa dafa-duka")]
    public async Task The_last_paid_order_goes_into_the_cart_at_todays_prices_without_what_is_sold_out(string phone, string again, string added)
    {
        var customer = _server.Customer(phone);
        await PaidOrderAsync(customer, "2 jollof rice and 1 moi moi", "7,800");

        var businessId = await _server.DemoBusinessIdAsync();
        var catalog = _server.Service<ICatalogService>();
        await catalog.EditAsync(businessId, "JOLLOF-RICE", new ProductEdit { PriceKobo = 4_000_00 }, default);
        await catalog.EditAsync(businessId, "MOI-MOI", new ProductEdit { SoldOutToday = true }, default);

        var replies = await customer.SaysAsync(again, r => r.Text?.Contains("8,000") == true, "2 jollof at today's ₦4,000 in the cart");
        replies.ShouldContain(r => r.Text!.Contains(added), "the reply says what was added, in the customer's language");
        replies.Count(r => r.Text is not null && r.Text.Contains("8,000")).ShouldBe(1);
        replies.ShouldNotContain(r => r.Text!.Contains("Welcome to"), "not the greeting");

        var contact = await _server.ContactAsync(phone);
        var cart = await _server.Service<ICartService>().GetAsync(contact.BusinessId, contact.Id, default);
        var line = cart.Lines.ShouldHaveSingleItem("the sold-out moi moi is left out");
        line.Sku.ShouldBe("JOLLOF-RICE");
        line.Quantity.ShouldBe(2);
        cart.SubtotalKobo.ShouldBe(8_000_00);
    }

    [Fact]
    public async Task An_unpaid_order_is_not_repeated_and_the_customer_is_told_there_is_none()
    {
        var customer = _server.Customer("2348033000006");
        await customer.SaysAsync("I want 2 jollof rice", r => r.Text?.Contains("7,000") == true, "2 jollof in the cart");
        await customer.SaysAsync("that's all", r => r.Type == "interactive", "pickup or delivery buttons");
        await customer.TapsAsync("pickup", "Pickup", r => r.Type == "interactive", "the pickup summary");
        await customer.TapsAsync("confirm", "Yes", r => r.Text?.Contains("MNK-") == true, "the order number (unpaid)");

        await customer.SaysAsync("same as last time", r => r.Text?.Contains("nothing to repeat") == true, "no paid order to repeat");
        var contact = await _server.ContactAsync(customer.Phone);
        (await _server.Service<ICartService>().GetAsync(contact.BusinessId, contact.Id, default)).IsEmpty.ShouldBeTrue();
    }

    /// <summary>Orders <paramref name="dishes"/> for pickup through the chat and marks the order paid, as the owner would.</summary>
    private async Task PaidOrderAsync(WhatsAppCustomer customer, string dishes, string subtotal)
    {
        await customer.SaysAsync(dishes, r => r.Text?.Contains(subtotal) == true, "the dishes in the cart");
        await customer.SaysAsync("that's all", r => r.Type == "interactive", "pickup or delivery buttons");
        await customer.TapsAsync("pickup", "Pickup", r => r.Type == "interactive", "the pickup summary");
        await customer.TapsAsync("confirm", "Yes", r => r.Text?.Contains("MNK-") == true, "the order number");
        var contact = await _server.ContactAsync(customer.Phone);
        var orders = _server.Service<IOrderService>();
        var order = (await orders.ListForContactAsync(contact.BusinessId, contact.Id, 10, default)).ShouldHaveSingleItem();
        (await orders.ChangeStatusAsync(order.Id, OrderStatus.Paid, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
    }
}
