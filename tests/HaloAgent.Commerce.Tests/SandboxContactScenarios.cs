using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Tests.Support;

namespace HaloAgent.Commerce.Tests;

/// <summary>
/// A test run's sandbox customer: its orders behave like a customer's but take no stock, the owner's lists leave it
/// out, and it (never a customer) can be deleted with everything it caused. On SQLite and PostgreSQL.
/// </summary>
public abstract class SandboxContactScenarios(TestDatabase database) : CommerceTest(database)
{
    private static int _references;

    private IContactService Contacts => Host.Get<IContactService>();

    private IOrderService Orders => Host.Get<IOrderService>();

    private IPaymentService Payments => Host.Get<IPaymentService>();

    private static string NextReference() => "HLO-S" + Interlocked.Increment(ref _references).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private Task<ContactInfo> SandboxAsync() =>
        Contacts.CreateSandboxAsync(BusinessId, $"web:sandbox-{Guid.NewGuid():N}"[..36], "Test customer", "webchat", default);

    private async Task<int> StockAsync(string sku) => (await Host.Get<ICatalogService>().FindBySkuAsync(BusinessId, sku, default))!.Stock;

    private async Task<OrderResult> OrderAsync(ContactInfo contact, string sku, int quantity)
    {
        (await Host.Get<ICartService>().AddItemAsync(BusinessId, contact.Id, sku, quantity, default)).Outcome.ShouldBe(CartOutcome.Updated);
        return await Orders.CreateFromCartAsync(new OrderRequest(BusinessId, contact.Id, Fulfilment.Pickup), default);
    }

    private static int Sequence(string number) => int.Parse(number[(number.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_sandbox_order_is_checked_against_the_stock_but_takes_none_and_gives_none_back()
    {
        var sandbox = await SandboxAsync();
        sandbox.Sandbox.ShouldBeTrue();
        (await Contacts.FindByWaIdAsync(BusinessId, sandbox.WaId, default))!.Sandbox.ShouldBeTrue();
        var before = await StockAsync("JOLLOF-RICE");
        var earlier = (await OrderAsync(await NewContactAsync(), "SUYA", 1)).Order!;

        var placed = await OrderAsync(sandbox, "JOLLOF-RICE", 2);
        placed.Outcome.ShouldBe(OrderOutcome.Created);
        placed.Order!.Status.ShouldBe(OrderStatus.PendingPayment);
        placed.Order.Number.ShouldStartWith(SandboxContacts.OrderNumberPrefix);
        (await StockAsync("JOLLOF-RICE")).ShouldBe(before);
        (await Orders.ChangeStatusAsync(placed.Order.Id, OrderStatus.Cancelled, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        (await StockAsync("JOLLOF-RICE")).ShouldBe(before, "a cancelled sandbox order gives back nothing it never took");

        // A customer's order still reserves; the sandbox's is refused once the stock is short, as a customer's would be.
        (await Host.Get<ICartService>().AddItemAsync(BusinessId, sandbox.Id, "JOLLOF-RICE", 2, default)).Outcome.ShouldBe(CartOutcome.Updated);
        var customer = await NewContactAsync();
        var real = await OrderAsync(customer, "JOLLOF-RICE", before - 1);
        real.Outcome.ShouldBe(OrderOutcome.Created);
        Sequence(real.Order!.Number).ShouldBe(Sequence(earlier.Number) + 1, "the sandbox's order took no number from the business's own sequence");
        (await StockAsync("JOLLOF-RICE")).ShouldBe(1);
        var refused = await Orders.CreateFromCartAsync(new OrderRequest(BusinessId, sandbox.Id, Fulfilment.Pickup), default);
        refused.Outcome.ShouldBe(OrderOutcome.OutOfStock);
        refused.Shortages.ShouldNotBeNull().ShouldHaveSingleItem().Available.ShouldBe(1);
        (await StockAsync("JOLLOF-RICE")).ShouldBe(1);
    }

    [Fact]
    public async Task The_owners_orders_payments_and_hand_overs_leave_a_sandbox_out_and_it_is_deleted_with_everything_it_caused()
    {
        var customer = await NewContactAsync("Ada");
        var sandbox = await SandboxAsync();
        var customerOrder = (await OrderAsync(customer, "SUYA", 1)).Order!;
        var sandboxOrder = (await OrderAsync(sandbox, "SUYA", 1)).Order!;
        var customerPayment = await Payments.OpenAsync(customerOrder, PaymentMethod.BankTransfer, NextReference, default);
        var sandboxPayment = await Payments.OpenAsync(sandboxOrder, PaymentMethod.BankTransfer, NextReference, default);
        await Payments.RecordClaimAsync(customerPayment.Id, "I paid", default);
        await Payments.RecordClaimAsync(sandboxPayment.Id, "I paid", default);
        await Payments.RecordReceiptAsync(new ReceiptRecord(sandboxPayment.Id, "m-sandbox", "match", 0.9, []) { ImageSha256 = "same-image" }, default);
        await Host.Get<IEscalationService>().OpenAsync(BusinessId, customer.Id, "wants a person", "agent", default);
        await Host.Get<IEscalationService>().OpenAsync(BusinessId, sandbox.Id, "wants a person", "agent", default);

        (await Payments.ListOrdersAsync(BusinessId, null, 0, 50, default)).Select(o => o.Order.Id).ShouldBe([customerOrder.Id]);
        (await Payments.GetOrderAsync(BusinessId, sandboxOrder.Id, default)).ShouldBeNull();
        (await Payments.GetOrderAsync(BusinessId, customerOrder.Id, default)).ShouldNotBeNull();
        (await Payments.ReviewQueueAsync(BusinessId, 50, default)).Select(p => p.Payment.Id).ShouldBe([customerPayment.Id]);
        (await Payments.GetDetailsAsync(BusinessId, sandboxPayment.Id, default)).ShouldBeNull();
        (await Payments.IsImageUsedElsewhereAsync(BusinessId, "same-image", customerPayment.Id, default)).ShouldBeFalse("a test run's receipt is not a customer's");
        (await Host.Get<IEscalationService>().ListOpenAsync(BusinessId, default)).Select(e => e.ContactId).ShouldBe([customer.Id]);

        (await Contacts.DeleteSandboxAsync(sandbox.Id, default)).ShouldBeTrue();
        (await Contacts.GetAsync(sandbox.Id, default)).ShouldBeNull();
        (await Orders.GetAsync(sandboxOrder.Id, default)).ShouldBeNull();
        (await Payments.GetAsync(sandboxPayment.Id, default)).ShouldBeNull();
        (await Host.Get<IEscalationService>().GetOpenAsync(sandbox.Id, default)).ShouldBeNull();
        (await Contacts.DeleteSandboxAsync(sandbox.Id, default)).ShouldBeFalse("deleting again finds nothing");

        // A customer is never deleted this way; their records stay.
        await Should.ThrowAsync<InvalidOperationException>(() => Contacts.DeleteSandboxAsync(customer.Id, default));
        (await Contacts.GetAsync(customer.Id, default)).ShouldNotBeNull();
        (await Payments.GetOrderAsync(BusinessId, customerOrder.Id, default))!.Payment!.Id.ShouldBe(customerPayment.Id);
    }
}

public sealed class SqliteSandboxContactTests() : SandboxContactScenarios(TestDatabase.Sqlite);

public sealed class PostgresSandboxContactTests() : SandboxContactScenarios(TestDatabase.Postgres);
