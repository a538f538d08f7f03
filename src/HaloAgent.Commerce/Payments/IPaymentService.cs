using HaloAgent.Commerce.Orders;

namespace HaloAgent.Commerce.Payments;

/// <summary>
/// Payments of orders: references, receipts and their scores, the owner's review queue, approvals and rejections,
/// provider confirmations and the Paystack webhook log. Marking an order paid always goes through
/// <see cref="IOrderService.ChangeStatusAsync"/>, so the order history says who confirmed it.
/// </summary>
public interface IPaymentService
{
    /// <summary>
    /// The payment of <paramref name="order"/>, opened with a fresh reference from <paramref name="nextReference"/> (retried
    /// on the rare collision with the unique index); an order that already has one gets it back unchanged.
    /// </summary>
    Task<PaymentView> OpenAsync(OrderView order, PaymentMethod method, Func<string> nextReference, CancellationToken cancellationToken);

    Task<PaymentView?> GetAsync(string paymentId, CancellationToken cancellationToken);

    Task<PaymentView?> GetForOrderAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>By our reference, across businesses (references are globally unique), as a provider webhook names it.</summary>
    Task<PaymentView?> FindByReferenceAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The contact's payments that are still owed (order pending payment, not confirmed), newest first.</summary>
    Task<IReadOnlyList<PaymentView>> ListOpenForContactAsync(string businessId, string contactId, CancellationToken cancellationToken);

    /// <summary>References of the contact's other payments: a receipt carrying one of them is for another order.</summary>
    Task<IReadOnlyList<string>> OtherReferencesAsync(string businessId, string contactId, string paymentId, CancellationToken cancellationToken);

    /// <summary>True when this image (by hash) was already sent for a different payment of the business.</summary>
    Task<bool> IsImageUsedElsewhereAsync(string businessId, string imageSha256, string paymentId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a receipt and puts the payment in the review queue with its score and reasons (unless it is already
    /// settled). The same message recorded twice is stored once.
    /// </summary>
    Task<PaymentView> RecordReceiptAsync(ReceiptRecord receipt, CancellationToken cancellationToken);

    /// <summary>The customer says they paid, without a receipt: the payment goes to the review queue with that reason.</summary>
    Task<PaymentView> RecordClaimAsync(string paymentId, string reason, CancellationToken cancellationToken);

    /// <summary>Puts a payment in the review queue with a reason (a provider payment that did not match).</summary>
    Task<PaymentView?> FlagAsync(string paymentId, string verdict, string reason, CancellationToken cancellationToken);

    /// <summary>Marks the order paid (through the order service) and the payment confirmed by <paramref name="confirmation"/>.</summary>
    Task<PaymentActionResult> ConfirmAsync(string businessId, string paymentId, Confirmation confirmation, CancellationToken cancellationToken);

    /// <summary>The owner found no payment: the payment is rejected with the reason; the order keeps waiting for payment.</summary>
    Task<PaymentActionResult> RejectAsync(string businessId, string paymentId, string actor, string reason, CancellationToken cancellationToken);

    /// <summary>The order was cancelled: an unpaid payment is closed.</summary>
    Task CancelForOrderAsync(string orderId, CancellationToken cancellationToken);

    Task SetPaystackUrlAsync(string paymentId, string url, CancellationToken cancellationToken);

    /// <summary>
    /// Payments waiting for a person, the most convincing first (score descending, then oldest claim). This and the other
    /// owner's reads below (details, receipt image, orders) leave test runs' sandbox contacts out (<see cref="Contacts.SandboxContacts"/>).
    /// </summary>
    Task<IReadOnlyList<PaymentDetails>> ReviewQueueAsync(string businessId, int take, CancellationToken cancellationToken);

    Task<PaymentDetails?> GetDetailsAsync(string businessId, string paymentId, CancellationToken cancellationToken);

    /// <summary>The newest stored receipt image of the payment, or null.</summary>
    Task<(byte[] Image, string MimeType)?> GetReceiptImageAsync(string businessId, string paymentId, CancellationToken cancellationToken);

    /// <summary>The business's orders, newest first, optionally of one status, each with its payment (no sandbox orders).</summary>
    Task<IReadOnlyList<OrderWithPayment>> ListOrdersAsync(string businessId, OrderStatus? status, int skip, int take, CancellationToken cancellationToken);

    Task<OrderWithPayment?> GetOrderAsync(string businessId, string orderId, CancellationToken cancellationToken);

    Task<PaymentSettings> GetSettingsAsync(string businessId, CancellationToken cancellationToken);

    Task<PaymentSettings> SaveSettingsAsync(PaymentSettings settings, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a provider webhook before acting on it. False when the same event (by dedupe key) was already stored and
    /// not failed: a redelivery, to be answered 200 and otherwise ignored.
    /// </summary>
    Task<bool> BeginWebhookAsync(string dedupeKey, string eventName, string? reference, string body, CancellationToken cancellationToken);

    Task CompleteWebhookAsync(string dedupeKey, string outcome, string? detail, string? paymentId, CancellationToken cancellationToken);

    Task<PaystackEventRecord?> GetWebhookAsync(string dedupeKey, CancellationToken cancellationToken);

    /// <summary>
    /// Empties up to <paramref name="batch"/> raw bodies of webhooks handled before <paramref name="receivedBefore"/>
    /// (Unix ms); the row, its outcome and its dedupe key stay. Returns how many were emptied.
    /// </summary>
    Task<int> PruneWebhookBodiesAsync(long receivedBefore, int batch, CancellationToken cancellationToken);
}
