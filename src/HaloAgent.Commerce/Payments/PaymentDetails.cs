namespace HaloAgent.Commerce.Payments;

/// <summary>A payment with the receipts sent for it, newest first: one item of the owner's review queue.</summary>
public sealed record PaymentDetails(PaymentView Payment, IReadOnlyList<ReceiptView> Receipts);
