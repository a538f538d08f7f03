namespace HaloAgent.Server.Dashboard;

/// <summary>
/// A payment waiting for the owner, as the Studio's <c>PaymentReview</c> reads it: <see cref="AmountKobo"/> is what the
/// latest receipt shows (the expected amount when no receipt could be read), <see cref="Reference"/> our payment reference.
/// </summary>
public sealed record PaymentReviewItem(
    string Id,
    string OrderId,
    string OrderNumber,
    string ContactName,
    string Phone,
    long AmountKobo,
    long ExpectedKobo,
    string? Reference,
    string? ReceiptUrl,
    DateTimeOffset SubmittedAt)
{
    /// <summary>How well the receipt matches the order (0–1), when a receipt was read.</summary>
    public double? Score { get; init; }

    /// <summary>LikelyMatch, NeedsReview, Mismatch or Unreadable; null before a receipt.</summary>
    public string? Verdict { get; init; }

    /// <summary>Why it needs a person: the red flags first, in words an owner reads.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The payment record itself (review queue only; the event stream leaves it out).</summary>
    public HaloAgent.Commerce.Payments.PaymentView? Payment { get; init; }

    /// <summary>Every receipt with its OCR text, parsed fields, confidence, score and reasons (review queue only).</summary>
    public IReadOnlyList<HaloAgent.Commerce.Payments.ReceiptView>? Receipts { get; init; }
}
