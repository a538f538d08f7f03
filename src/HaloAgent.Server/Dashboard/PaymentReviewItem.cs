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
    DateTimeOffset SubmittedAt);
