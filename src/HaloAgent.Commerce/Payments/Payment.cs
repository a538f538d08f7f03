namespace HaloAgent.Commerce.Payments;

/// <summary>
/// The payment of one order (one row per order): its reference (unique across businesses, so a Paystack webhook or a
/// bank narration points straight back at it), how it is paid and where it stands. Kept beside the order rather than
/// in it, so payments can change without touching the order table.
/// </summary>
public sealed class Payment
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public required string OrderId { get; set; }

    public required string ContactId { get; set; }

    /// <summary>Unguessable and typable, e.g. <c>HLO-7K2Q9</c>.</summary>
    public required string Reference { get; set; }

    public PaymentMethod Method { get; set; }

    public PaymentStatus Status { get; set; }

    /// <summary>The order total when the payment was opened.</summary>
    public long AmountKobo { get; set; }

    /// <summary>How well the latest evidence fits (0..1); orders the review queue. Null before any evidence.</summary>
    public double? Score { get; set; }

    /// <summary>The latest receipt's verdict (likely_match, needs_review, mismatch, unreadable) or the provider's outcome.</summary>
    public string? Verdict { get; set; }

    /// <summary>Why a person is needed, in one line for the owner's queue.</summary>
    public string? ReviewReason { get; set; }

    public string? PaystackUrl { get; set; }

    /// <summary>The provider's transaction id once a provider confirmed it.</summary>
    public string? ProviderReference { get; set; }

    /// <summary>"paystack", "auto-receipt" or the owner's e-mail.</summary>
    public string? ConfirmedBy { get; set; }

    public string? RejectionReason { get; set; }

    public long? ClaimedAt { get; set; }

    public long? PaidAt { get; set; }

    /// <summary>Bumped by every change; changes are conditional on it.</summary>
    public long Version { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
