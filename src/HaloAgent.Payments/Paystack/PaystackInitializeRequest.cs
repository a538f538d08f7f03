namespace HaloAgent.Payments.Paystack;

/// <summary>
/// A payment link for one order. <paramref name="Reference"/> is our payment reference (e.g. <c>HLO-7K2Q9</c>), so the
/// webhook and the verify call point straight back at the order; <paramref name="AmountKobo"/> is the order total.
/// </summary>
public sealed record PaystackInitializeRequest(
    string Email,
    long AmountKobo,
    string Reference,
    string? CallbackUrl = null,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    public const string Currency = "NGN";
}
