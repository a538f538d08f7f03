namespace HaloAgent.Commerce.Payments;

/// <summary>The result of an owner's or a provider's action on a payment; <see cref="Detail"/> explains a refusal.</summary>
public sealed record PaymentActionResult(PaymentActionOutcome Outcome, PaymentView? Payment, string? Detail = null)
{
    public bool Succeeded => Outcome is PaymentActionOutcome.Changed or PaymentActionOutcome.Unchanged;
}
