using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Tests.Support;

namespace HaloAgent.Commerce.Tests;

/// <summary>Payments beside orders, on SQLite and PostgreSQL: references, receipts, the review queue, approvals, webhook dedupe.</summary>
public abstract class PaymentScenarios(TestDatabase database) : CommerceTest(database)
{
    private static int _references;

    private IPaymentService Payments => Host.Get<IPaymentService>();

    private IOrderService Orders => Host.Get<IOrderService>();

    private static string NextReference() => "HLO-T" + Interlocked.Increment(ref _references).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(ContactInfo Contact, OrderView Order, PaymentView Payment)> OrderAsync(ContactInfo? contact = null, string sku = "JOLLOF-RICE", int quantity = 2)
    {
        contact ??= await NewContactAsync();
        await Host.Get<ICartService>().AddItemAsync(BusinessId, contact.Id, sku, quantity, default);
        var order = (await Orders.CreateFromCartAsync(new OrderRequest(BusinessId, contact.Id, Fulfilment.Pickup), default)).Order!;
        var payment = await Payments.OpenAsync(order, PaymentMethod.BankTransfer, NextReference, default);
        return (contact, order, payment);
    }

    private static ReceiptRecord Receipt(PaymentView payment, string messageId, double score, string verdict, string? sha = null, params ReceiptReasonEntry[] reasons) =>
        new(payment.Id, messageId, verdict, score, reasons) { ImageSha256 = sha ?? messageId, Image = [1, 2, 3], MimeType = "image/png", SizeBytes = 3, RawText = "Amount NGN 7,000.00" };

    [Fact]
    public async Task An_order_gets_one_payment_with_a_unique_reference_even_when_opened_twice_or_on_a_collision()
    {
        var (_, order, payment) = await OrderAsync();
        payment.Reference.ShouldStartWith("HLO-T");
        payment.AmountKobo.ShouldBe(order.TotalKobo);
        payment.Status.ShouldBe(PaymentStatus.AwaitingPayment);
        payment.OrderNumber.ShouldBe(order.Number);

        (await Payments.OpenAsync(order, PaymentMethod.Paystack, NextReference, default)).Id.ShouldBe(payment.Id);

        // The next order's first candidate collides with the unique index: another is drawn.
        var customer = await NewContactAsync();
        await Host.Get<ICartService>().AddItemAsync(BusinessId, customer.Id, "SUYA", 1, default);
        var second = (await Orders.CreateFromCartAsync(new OrderRequest(BusinessId, customer.Id, Fulfilment.Pickup), default)).Order!;
        var candidates = new Queue<string>([payment.Reference, "HLO-FRESH"]);
        (await Payments.OpenAsync(second, PaymentMethod.BankTransfer, candidates.Dequeue, default)).Reference.ShouldBe("HLO-FRESH");
        (await Payments.FindByReferenceAsync(" hlo-fresh ", default))!.OrderId.ShouldBe(second.Id);
        (await Payments.FindByReferenceAsync(payment.Reference.ToLowerInvariant(), default))!.OrderId.ShouldBe(order.Id);
    }

    [Fact]
    public async Task Receipts_put_payments_in_the_review_queue_best_score_first_and_a_reused_image_is_detected()
    {
        var (contact, _, weak) = await OrderAsync();
        var (_, _, strong) = await OrderAsync(contact);
        var (_, _, claimed) = await OrderAsync(contact);

        await Payments.RecordReceiptAsync(Receipt(weak, "m1", 0.25, "mismatch", "hash-1", new ReceiptReasonEntry("amount_mismatch", true, "Short by ₦500.")), default);
        await Payments.RecordReceiptAsync(Receipt(strong, "m2", 0.93, "likely_match", "hash-2"), default);
        await Payments.RecordReceiptAsync(Receipt(strong, "m2", 0.93, "likely_match", "hash-2"), default); // redelivered: stored once
        await Payments.RecordClaimAsync(claimed.Id, "Customer says paid.", default);

        var queue = await Payments.ReviewQueueAsync(BusinessId, 10, default);
        queue.Select(q => q.Payment.Id).ShouldBe([strong.Id, weak.Id, claimed.Id]);
        queue[0].Receipts.ShouldHaveSingleItem().Score.ShouldBe(0.93);
        queue[0].Payment.Status.ShouldBe(PaymentStatus.AwaitingReview);
        queue[1].Payment.ReviewReason.ShouldBe("Short by ₦500.");
        queue[1].Receipts[0].Reasons.ShouldHaveSingleItem().RedFlag.ShouldBeTrue();

        (await Payments.IsImageUsedElsewhereAsync(BusinessId, "hash-2", weak.Id, default)).ShouldBeTrue();
        (await Payments.IsImageUsedElsewhereAsync(BusinessId, "hash-2", strong.Id, default)).ShouldBeFalse();
        (await Payments.OtherReferencesAsync(BusinessId, contact.Id, strong.Id, default)).ShouldBe([weak.Reference, claimed.Reference], ignoreOrder: true);
        (await Payments.GetReceiptImageAsync(BusinessId, strong.Id, default))!.Value.Image.ShouldBe(new byte[] { 1, 2, 3 });
        (await Payments.GetReceiptImageAsync("another-business", strong.Id, default)).ShouldBeNull();
    }

    [Fact]
    public async Task Approving_marks_the_order_paid_once_and_rejecting_keeps_it_waiting()
    {
        var (contact, order, payment) = await OrderAsync();
        var (_, otherOrder, other) = await OrderAsync(contact);

        var rejected = await Payments.RejectAsync(BusinessId, other.Id, "owner@halo.test", "No money in the account", default);
        rejected.Outcome.ShouldBe(PaymentActionOutcome.Changed);
        rejected.Payment!.Status.ShouldBe(PaymentStatus.Rejected);
        rejected.Payment.RejectionReason.ShouldBe("No money in the account");
        (await Orders.GetAsync(otherOrder.Id, default))!.Status.ShouldBe(OrderStatus.PendingPayment);
        (await Payments.ListOpenForContactAsync(BusinessId, contact.Id, default)).Select(p => p.Id).ShouldBe([other.Id, payment.Id]);

        (await Payments.ConfirmAsync("another-business", payment.Id, new Confirmation("x"), default)).Outcome.ShouldBe(PaymentActionOutcome.UnknownPayment);
        var approved = await Payments.ConfirmAsync(BusinessId, payment.Id, new Confirmation("owner@halo.test", "seen in the app"), default);
        approved.Outcome.ShouldBe(PaymentActionOutcome.Changed);
        approved.Payment!.Status.ShouldBe(PaymentStatus.Paid);
        approved.Payment.ConfirmedBy.ShouldBe("owner@halo.test");
        (await Payments.ConfirmAsync(BusinessId, payment.Id, new Confirmation("owner@halo.test"), default)).Outcome.ShouldBe(PaymentActionOutcome.Unchanged);
        var paid = (await Orders.GetAsync(order.Id, default))!;
        paid.Status.ShouldBe(OrderStatus.Paid);
        paid.History.Count(h => h.To == OrderStatus.Paid).ShouldBe(1);
        paid.History.Last().Actor.ShouldBe("owner@halo.test");
        (await Payments.RejectAsync(BusinessId, payment.Id, "owner", "too late", default)).Outcome.ShouldBe(PaymentActionOutcome.NotAllowed);
        (await Payments.ListOpenForContactAsync(BusinessId, contact.Id, default)).ShouldHaveSingleItem().Id.ShouldBe(other.Id);
    }

    [Fact]
    public async Task A_cancelled_order_closes_its_payment_and_cannot_be_approved()
    {
        var (_, order, payment) = await OrderAsync();
        await Orders.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, "payments", "unpaid", default);
        await Payments.CancelForOrderAsync(order.Id, default);

        (await Payments.GetAsync(payment.Id, default))!.Status.ShouldBe(PaymentStatus.Cancelled);
        var refused = await Payments.ConfirmAsync(BusinessId, payment.Id, new Confirmation("paystack"), default);
        refused.Outcome.ShouldBe(PaymentActionOutcome.NotAllowed);
        refused.Detail!.ShouldContain("cancelled");
        (await Orders.GetAsync(order.Id, default))!.Status.ShouldBe(OrderStatus.Cancelled);
    }

    [Fact]
    public async Task A_provider_webhook_is_stored_once_and_a_failed_one_is_taken_again()
    {
        (await Payments.BeginWebhookAsync("charge.success:1", "charge.success", "HLO-AAAAA", "{}", default)).ShouldBeTrue();
        (await Payments.BeginWebhookAsync("charge.success:1", "charge.success", "HLO-AAAAA", "{}", default)).ShouldBeFalse();
        await Payments.CompleteWebhookAsync("charge.success:1", PaystackOutcomes.Failed, "Paystack down", null, default);
        (await Payments.BeginWebhookAsync("charge.success:1", "charge.success", "HLO-AAAAA", "{}", default)).ShouldBeTrue();
        await Payments.CompleteWebhookAsync("charge.success:1", PaystackOutcomes.UnknownReference, "No order", null, default);
        (await Payments.BeginWebhookAsync("charge.success:1", "charge.success", "HLO-AAAAA", "{}", default)).ShouldBeFalse();
        var stored = (await Payments.GetWebhookAsync("charge.success:1", default))!;
        stored.Outcome.ShouldBe(PaystackOutcomes.UnknownReference);
        stored.ProcessedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Settings_default_to_bank_transfer_and_are_saved_per_business()
    {
        var defaults = await Payments.GetSettingsAsync(BusinessId, default);
        defaults.BankTransfer.ShouldBeTrue();
        defaults.AutoConfirmReceipts.ShouldBeFalse();
        defaults.DefaultMethod.ShouldBe(PaymentMethod.BankTransfer);

        await Payments.SaveSettingsAsync(new PaymentSettings { BusinessId = BusinessId, BankTransfer = false, Paystack = true, AutoConfirmReceipts = true }, default);
        await Payments.SaveSettingsAsync(new PaymentSettings { BusinessId = BusinessId, BankTransfer = false, Paystack = true, PayOnDelivery = true }, default);
        var saved = await Payments.GetSettingsAsync(BusinessId, default);
        saved.PayOnDelivery.ShouldBeTrue();
        saved.AutoConfirmReceipts.ShouldBeFalse();
        saved.DefaultMethod.ShouldBe(PaymentMethod.Paystack);
    }
}

public sealed class SqlitePaymentTests() : PaymentScenarios(TestDatabase.Sqlite);

public sealed class PostgresPaymentTests() : PaymentScenarios(TestDatabase.Postgres);
