namespace HaloAgent.Commerce.Payments;

/// <summary>Where a payment stands. Stored as snake_case (awaiting_payment, awaiting_review, ...).</summary>
public enum PaymentStatus
{
    /// <summary>Nothing from the customer yet.</summary>
    AwaitingPayment,

    /// <summary>The customer says they paid or sent a receipt, or a provider payment did not match: a person decides.</summary>
    AwaitingReview,

    Paid,

    /// <summary>The owner found no money (or the wrong amount); the order still waits for payment.</summary>
    Rejected,

    /// <summary>The order was cancelled before it was paid.</summary>
    Cancelled,
}
