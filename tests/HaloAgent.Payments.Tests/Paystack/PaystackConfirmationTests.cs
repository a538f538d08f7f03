using HaloAgent.Payments.Paystack;

namespace HaloAgent.Payments.Tests.Paystack;

public sealed class PaystackConfirmationTests
{
    private static PaystackTransaction Paid(long amount = 1_800_000, string currency = "NGN", string reference = "HLO-7K2Q9", string status = "success") =>
        new(1, reference, status, amount, currency, DateTimeOffset.UnixEpoch, "ada@example.com", "Approved", "card");

    [Fact]
    public void Exact_amount_in_naira_for_our_reference_is_paid() =>
        PaystackConfirmation.Check(Paid(), "HLO-7K2Q9", 1_800_000).Outcome.ShouldBe(PaystackConfirmationOutcome.Paid);

    [Fact]
    public void Another_reference_is_refused() =>
        PaystackConfirmation.Check(Paid(reference: "HLO-ABCDE"), "HLO-7K2Q9", 1_800_000).Outcome.ShouldBe(PaystackConfirmationOutcome.ReferenceMismatch);

    [Fact]
    public void Overpayment_is_a_mismatch_too()
    {
        var result = PaystackConfirmation.Check(Paid(amount: 1_900_000), "HLO-7K2Q9", 1_800_000);
        result.Outcome.ShouldBe(PaystackConfirmationOutcome.AmountMismatch);
        result.IsPaid.ShouldBeFalse();
    }

    [Fact]
    public void Currency_is_checked_before_amount() =>
        PaystackConfirmation.Check(Paid(currency: "USD", amount: 1), "HLO-7K2Q9", 1_800_000).Outcome.ShouldBe(PaystackConfirmationOutcome.CurrencyMismatch);

    [Fact]
    public void Reversed_is_not_paid() =>
        PaystackConfirmation.Check(Paid(status: "reversed"), "HLO-7K2Q9", 1_800_000).Outcome.ShouldBe(PaystackConfirmationOutcome.NotSuccessful);
}
