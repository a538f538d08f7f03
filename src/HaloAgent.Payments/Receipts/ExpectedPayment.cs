namespace HaloAgent.Payments.Receipts;

/// <summary>
/// What a receipt should show for one order. <paramref name="OtherOrderReferences"/> are the payment references of the
/// same contact's other orders; <paramref name="ImageAlreadyUsed"/> is true when this image's hash is already attached
/// to a different order.
/// </summary>
public sealed record ExpectedPayment(
    long AmountKobo,
    string PaymentReference,
    DateTimeOffset OrderCreatedAt,
    DateTimeOffset Now,
    IReadOnlyCollection<string>? OtherOrderReferences = null,
    bool ImageAlreadyUsed = false);
