using HaloAgent.Platform.Money;

namespace HaloAgent.Payments.Paystack;

/// <summary>
/// Whether a verified transaction pays an order. Pure: the caller verifies first (never trusting the webhook body alone),
/// then decides with this, and dedupes by the reference so a redelivered webhook marks the order paid once.
/// </summary>
public sealed record PaystackConfirmation(PaystackConfirmationOutcome Outcome, string Reason, PaystackTransaction Transaction)
{
    public bool IsPaid => Outcome == PaystackConfirmationOutcome.Paid;

    public static PaystackConfirmation Check(PaystackTransaction transaction, string expectedReference, long expectedAmountKobo)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (!string.Equals(transaction.Reference, expectedReference, StringComparison.Ordinal))
        {
            return new(PaystackConfirmationOutcome.ReferenceMismatch,
                $"Paystack verified reference '{transaction.Reference}', not '{expectedReference}'.", transaction);
        }

        if (!transaction.IsSuccessful)
        {
            return new(PaystackConfirmationOutcome.NotSuccessful,
                $"Paystack reports the transaction as '{transaction.Status}'{(transaction.GatewayResponse is null ? "" : $" ({transaction.GatewayResponse})")}.", transaction);
        }

        if (!string.Equals(transaction.Currency, PaystackInitializeRequest.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return new(PaystackConfirmationOutcome.CurrencyMismatch,
                $"Paid in {transaction.Currency}, not NGN.", transaction);
        }

        if (transaction.AmountKobo != expectedAmountKobo)
        {
            return new(PaystackConfirmationOutcome.AmountMismatch,
                $"Paid {Naira.Format(transaction.AmountKobo)} but the order total is {Naira.Format(expectedAmountKobo)}.", transaction);
        }

        return new(PaystackConfirmationOutcome.Paid, $"Paid {Naira.Format(transaction.AmountKobo)} through Paystack.", transaction);
    }
}
