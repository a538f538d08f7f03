namespace HaloAgent.Testing.FakePaystack;

/// <summary>
/// A transaction as the fake holds it. <see cref="Status"/> is Paystack's word: <c>ongoing</c> after initialize, then
/// whatever a test sets (<c>success</c>, <c>failed</c>, <c>abandoned</c>, <c>reversed</c>).
/// </summary>
public sealed record FakePaystackTransaction(
    long Id,
    string Reference,
    string Email,
    long AmountKobo,
    string Currency,
    string Status,
    string AccessCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt = null,
    string GatewayResponse = "Pending",
    string Channel = "card");
