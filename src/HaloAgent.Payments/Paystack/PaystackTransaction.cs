namespace HaloAgent.Payments.Paystack;

/// <summary>
/// A transaction as <c>GET /transaction/verify/{reference}</c> reports it. <see cref="Status"/> is Paystack's word
/// (<c>success</c>, <c>failed</c>, <c>abandoned</c>, <c>ongoing</c>, <c>pending</c>, <c>reversed</c>…).
/// </summary>
public sealed record PaystackTransaction(
    long? Id,
    string Reference,
    string Status,
    long AmountKobo,
    string Currency,
    DateTimeOffset? PaidAt,
    string? CustomerEmail,
    string? GatewayResponse,
    string? Channel)
{
    public bool IsSuccessful => string.Equals(Status, "success", StringComparison.OrdinalIgnoreCase);
}
