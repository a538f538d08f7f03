using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Tests;

public abstract class OrderScenarios(TestDatabase database) : CommerceTest(database)
{
    private IOrderService Orders => Host.Get<IOrderService>();

    private ICartService Carts => Host.Get<ICartService>();

    private ICatalogService Catalog => Host.Get<ICatalogService>();

    private OrderRequest Pickup(ContactInfo contact, string? key = null) => new(BusinessId, contact.Id, Fulfilment.Pickup, IdempotencyKey: key);

    private OrderRequest Delivery(ContactInfo contact, string? zone = "Lekki", string? address = "5 Admiralty Way, Lekki Phase 1") =>
        new(BusinessId, contact.Id, Fulfilment.Delivery, zone, address);

    private async Task<int> StockAsync(string sku) => (await Catalog.FindBySkuAsync(BusinessId, sku, default))!.Stock;

    [Fact]
    public async Task A_pickup_order_is_priced_numbered_reserved_and_empties_the_cart()
    {
        var contact = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, contact.Id, "JOLLOF-RICE", 2, default);
        await Carts.AddItemAsync(BusinessId, contact.Id, "CHAPMAN", 1, default);

        var quote = await Orders.QuoteAsync(Pickup(contact), default);
        var result = await Orders.CreateFromCartAsync(Pickup(contact), default);

        quote.Outcome.ShouldBe(OrderOutcome.Created);
        quote.Quote!.TotalKobo.ShouldBe(2 * 350_000 + 150_000);
        result.Outcome.ShouldBe(OrderOutcome.Created);
        var order = result.Order!;
        order.Number.ShouldBe("MNK-0001");
        order.Status.ShouldBe(OrderStatus.PendingPayment);
        order.SubtotalKobo.ShouldBe(850_000);
        order.DeliveryFeeKobo.ShouldBe(0);
        order.TotalKobo.ShouldBe(850_000);
        order.Lines.Select(l => (l.Sku, l.Quantity, l.LineTotalKobo)).ShouldBe([("JOLLOF-RICE", 2, 700_000L), ("CHAPMAN", 1, 150_000L)]);
        order.Lines[0].Names.For("ig").ShouldBe("Osikapa jollof na ọkụkọ");
        order.History.Single().To.ShouldBe(OrderStatus.PendingPayment);
        order.History.Single().From.ShouldBeNull();
        (await StockAsync("JOLLOF-RICE")).ShouldBe(38);
        (await StockAsync("CHAPMAN")).ShouldBe(39);
        (await Carts.GetAsync(BusinessId, contact.Id, default)).IsEmpty.ShouldBeTrue();
        (await Orders.FindByNumberAsync(BusinessId, "mnk-0001", default))!.Id.ShouldBe(order.Id);
    }

    [Fact]
    public async Task A_delivery_order_adds_the_zone_fee_and_numbers_follow_on()
    {
        var first = await NewContactAsync();
        var second = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, first.Id, "SUYA", 1, default);
        await Orders.CreateFromCartAsync(Pickup(first), default);
        await Carts.AddItemAsync(BusinessId, second.Id, "POUNDED-YAM-EGUSI", 2, default);

        var result = await Orders.CreateFromCartAsync(Delivery(second, zone: "lekki"), default);

        var order = result.Order!;
        order.Number.ShouldBe("MNK-0002");
        order.Fulfilment.ShouldBe(Fulfilment.Delivery);
        order.DeliveryZone.ShouldBe("Lekki");
        order.DeliveryAddress.ShouldBe("5 Admiralty Way, Lekki Phase 1");
        order.SubtotalKobo.ShouldBe(900_000);
        order.DeliveryFeeKobo.ShouldBe(350_000);
        order.TotalKobo.ShouldBe(1_250_000);
        (await Orders.ListForContactAsync(BusinessId, second.Id, 10, default)).Single().Id.ShouldBe(order.Id);
    }

    [Fact]
    public async Task Refusals_reserve_nothing_and_keep_the_cart()
    {
        var contact = await NewContactAsync();
        (await Orders.CreateFromCartAsync(Pickup(contact), default)).Outcome.ShouldBe(OrderOutcome.EmptyCart);

        await Carts.AddItemAsync(BusinessId, contact.Id, "ZOBO", 3, default);
        await Carts.AddItemAsync(BusinessId, contact.Id, "MOI-MOI", 5, default);
        (await Orders.CreateFromCartAsync(Delivery(contact, zone: "Abuja"), default)).Outcome.ShouldBe(OrderOutcome.UnknownZone);
        (await Orders.CreateFromCartAsync(Delivery(contact, zone: null), default)).Outcome.ShouldBe(OrderOutcome.UnknownZone);
        (await Orders.CreateFromCartAsync(Delivery(contact, address: "  "), default)).Outcome.ShouldBe(OrderOutcome.AddressRequired);
        (await Orders.CreateFromCartAsync(Pickup(contact) with { BusinessId = "nope" }, default)).Outcome.ShouldBe(OrderOutcome.UnknownBusiness);

        // Someone else bought moi moi in the meantime.
        await Catalog.SetStockAsync(BusinessId, "MOI-MOI", 2, default);
        var quote = await Orders.QuoteAsync(Pickup(contact), default);
        var result = await Orders.CreateFromCartAsync(Pickup(contact), default);

        quote.Outcome.ShouldBe(OrderOutcome.OutOfStock);
        result.Outcome.ShouldBe(OrderOutcome.OutOfStock);
        result.Shortages.ShouldBe([new StockShortage("MOI-MOI", 5, 2)]);
        (await StockAsync("ZOBO")).ShouldBe(60, "the line that fitted was not reserved either");
        (await StockAsync("MOI-MOI")).ShouldBe(2);
        (await Carts.GetAsync(BusinessId, contact.Id, default)).ItemCount.ShouldBe(8);
        await using var db = await Host.DbAsync();
        (await db.Orders.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_order_once()
    {
        var contact = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, contact.Id, "MEAT-PIE", 2, default);

        var first = await Orders.CreateFromCartAsync(Pickup(contact, key: "instance-7:12"), default);
        await Carts.AddItemAsync(BusinessId, contact.Id, "MEAT-PIE", 1, default);
        var retried = await Orders.CreateFromCartAsync(Pickup(contact, key: "instance-7:12"), default);

        first.Outcome.ShouldBe(OrderOutcome.Created);
        retried.Outcome.ShouldBe(OrderOutcome.AlreadyCreated);
        retried.Succeeded.ShouldBeTrue();
        retried.Order!.Id.ShouldBe(first.Order!.Id);
        (await StockAsync("MEAT-PIE")).ShouldBe(38);
        (await Carts.GetAsync(BusinessId, contact.Id, default)).ItemCount.ShouldBe(1, "the retry did not take the new cart");
    }

    [Fact]
    public async Task Parallel_retries_of_one_step_make_one_order()
    {
        var contact = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, contact.Id, "DODO", 1, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Orders.CreateFromCartAsync(Pickup(contact, key: "step-42"), default))));

        results.ShouldAllBe(r => r.Succeeded);
        results.Count(r => r.Outcome == OrderOutcome.Created).ShouldBe(1);
        results.Select(r => r.Order!.Id).Distinct().Count().ShouldBe(1);
        (await StockAsync("DODO")).ShouldBe(49);
    }

    [Fact]
    public async Task Confirming_one_cart_twice_at_once_makes_one_order()
    {
        var contact = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, contact.Id, "WATER", 3, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Orders.CreateFromCartAsync(Pickup(contact), default))));

        results.Count(r => r.Outcome == OrderOutcome.Created).ShouldBe(1);
        results.Count(r => r.Outcome == OrderOutcome.EmptyCart).ShouldBe(5);
        (await StockAsync("WATER")).ShouldBe(97);
    }

    [Fact]
    public async Task Many_parallel_orders_for_the_last_units_sell_exactly_what_is_there()
    {
        const int available = 5;
        const int buyers = 24;
        await Catalog.SetStockAsync(BusinessId, "OFE-ONUGBU", available, default);
        var contacts = new List<ContactInfo>();
        for (var i = 0; i < buyers; i++)
        {
            var contact = await NewContactAsync();
            (await Carts.AddItemAsync(BusinessId, contact.Id, "OFE-ONUGBU", 1, default)).Outcome.ShouldBe(CartOutcome.Updated);
            await Carts.AddItemAsync(BusinessId, contact.Id, "ZOBO", 1, default);
            contacts.Add(contact);
        }

        var results = await Task.WhenAll(contacts.Select(c => Task.Run(() => Orders.CreateFromCartAsync(Pickup(c), default))));

        results.Count(r => r.Outcome == OrderOutcome.Created).ShouldBe(available);
        results.Count(r => r.Outcome == OrderOutcome.OutOfStock).ShouldBe(buyers - available);
        results.Where(r => r.Outcome == OrderOutcome.OutOfStock).ShouldAllBe(r => r.Shortages!.Single().Sku == "OFE-ONUGBU");
        (await StockAsync("OFE-ONUGBU")).ShouldBe(0);
        (await StockAsync("ZOBO")).ShouldBe(60 - available, "refused orders reserved nothing");
        results.Where(r => r.Succeeded).Select(r => r.Order!.Number).OrderBy(n => n)
            .ShouldBe(Enumerable.Range(1, available).Select(n => $"MNK-{n:D4}"));
    }

    [Fact]
    public async Task Parallel_orders_get_unique_consecutive_numbers()
    {
        const int count = 30;
        var contacts = new List<ContactInfo>();
        for (var i = 0; i < count; i++)
        {
            var contact = await NewContactAsync();
            await Carts.AddItemAsync(BusinessId, contact.Id, i % 2 == 0 ? "PUFF-PUFF" : "SUYA", 1, default);
            contacts.Add(contact);
        }

        var results = await Task.WhenAll(contacts.Select(c => Task.Run(() => Orders.CreateFromCartAsync(Pickup(c), default))));

        results.ShouldAllBe(r => r.Outcome == OrderOutcome.Created);
        results.Select(r => r.Order!.Number).OrderBy(n => n).ShouldBe(Enumerable.Range(1, count).Select(n => $"MNK-{n:D4}"));
    }

    [Fact]
    public async Task Status_changes_are_recorded_and_completion_earns_loyalty()
    {
        var contact = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, contact.Id, "POUNDED-YAM-EGUSI", 3, default);
        var order = (await Orders.CreateFromCartAsync(Delivery(contact), default)).Order!;

        (await Orders.ChangeStatusAsync(order.Id, OrderStatus.Paid, "payments", "transfer confirmed", default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        (await Orders.ChangeStatusAsync(order.Id, OrderStatus.Paid, "payments", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Unchanged);
        (await Orders.ChangeStatusAsync(order.Id, OrderStatus.ReadyForPickup, "owner", null, default)).Outcome.ShouldBe(StatusChangeOutcome.NotAllowed);
        (await Orders.ChangeStatusAsync(order.Id, OrderStatus.Preparing, "owner", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        (await Orders.ChangeStatusAsync(order.Id, OrderStatus.PendingPayment, "owner", null, default)).Outcome.ShouldBe(StatusChangeOutcome.NotAllowed);
        (await Orders.ChangeStatusAsync(order.Id, OrderStatus.OutForDelivery, "owner", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        var completed = await Orders.ChangeStatusAsync(order.Id, OrderStatus.Completed, "owner", null, default);
        (await Orders.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, "owner", null, default)).Outcome.ShouldBe(StatusChangeOutcome.NotAllowed);
        (await Orders.ChangeStatusAsync("missing", OrderStatus.Paid, "owner", null, default)).Outcome.ShouldBe(StatusChangeOutcome.UnknownOrder);

        completed.Outcome.ShouldBe(StatusChangeOutcome.Changed);
        completed.Order!.History.Select(h => h.To).ShouldBe(
            [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Preparing, OrderStatus.OutForDelivery, OrderStatus.Completed]);
        completed.Order.History[1].Actor.ShouldBe("payments");
        completed.Order.History[1].Note.ShouldBe("transfer confirmed");
        completed.Order.History[1].From.ShouldBe(OrderStatus.PendingPayment);
        var after = (await Host.Get<IContactService>().GetAsync(contact.Id, default))!;
        after.OrderCount.ShouldBe(1);
        after.LoyaltyPoints.ShouldBe(13, "₦13,500 of food, delivery not counted");
        (await StockAsync("POUNDED-YAM-EGUSI")).ShouldBe(22, "a completed order keeps its stock");
    }

    [Fact]
    public async Task Cancelling_puts_the_stock_back_once()
    {
        var contact = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, contact.Id, "FRIED-RICE", 4, default);
        await Carts.AddItemAsync(BusinessId, contact.Id, "MALT", 2, default);
        var order = (await Orders.CreateFromCartAsync(Pickup(contact), default)).Order!;
        (await StockAsync("FRIED-RICE")).ShouldBe(26);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            Task.Run(() => Orders.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, "customer", "changed my mind", default))));

        results.Count(r => r.Outcome == StatusChangeOutcome.Changed).ShouldBe(1);
        (await StockAsync("FRIED-RICE")).ShouldBe(30);
        (await StockAsync("MALT")).ShouldBe(48);
        var cancelled = (await Orders.GetAsync(order.Id, default))!;
        cancelled.Status.ShouldBe(OrderStatus.Cancelled);
        cancelled.History.Count.ShouldBe(2);
        (await Host.Get<IContactService>().GetAsync(contact.Id, default))!.OrderCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_payment_and_a_cancellation_racing_end_in_one_consistent_state()
    {
        var contact = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, contact.Id, "AMALA-EWEDU", 1, default);
        var order = (await Orders.CreateFromCartAsync(Pickup(contact), default)).Order!;

        var paid = Task.Run(() => Orders.ChangeStatusAsync(order.Id, OrderStatus.Paid, "payments", null, default));
        var cancelled = Task.Run(() => Orders.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, "customer", null, default));
        var (paidResult, cancelledResult) = (await paid, await cancelled);

        // Cancelling is allowed after payment, so the order always ends cancelled; the payment counts only if it came first.
        var final = (await Orders.GetAsync(order.Id, default))!;
        cancelledResult.Outcome.ShouldBe(StatusChangeOutcome.Changed);
        final.Status.ShouldBe(OrderStatus.Cancelled);
        final.History.Count.ShouldBe(paidResult.Outcome == StatusChangeOutcome.Changed ? 3 : 2);
        (await StockAsync("AMALA-EWEDU")).ShouldBe(25);
    }
}

public sealed class SqliteOrderTests() : OrderScenarios(TestDatabase.Sqlite);

public sealed class PostgresOrderTests() : OrderScenarios(TestDatabase.Postgres);
