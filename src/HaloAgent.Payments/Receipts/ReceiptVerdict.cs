namespace HaloAgent.Payments.Receipts;

public enum ReceiptVerdict
{
    /// <summary>Nothing legible that looks like a receipt: ask for a clearer screenshot, never guess.</summary>
    Unreadable,

    /// <summary>At least one red flag (wrong amount, another order's reference, reused image, wrong date, failed transfer).</summary>
    Mismatch,

    /// <summary>Readable, no red flag, but not enough evidence (amount missing, or only the amount).</summary>
    NeedsReview,

    /// <summary>The right amount, no red flag, and enough supporting evidence (our reference and/or a recent date).</summary>
    LikelyMatch,
}
