namespace HaloAgent.Payments.Paystack;

public enum PaystackConfirmationOutcome
{
    /// <summary>Successful, for our reference, the exact amount, in naira: the order may be marked paid.</summary>
    Paid,

    /// <summary>Paystack does not report it successful (failed, abandoned, still pending, reversed).</summary>
    NotSuccessful,

    /// <summary>Paystack verified a different reference than the one asked about.</summary>
    ReferenceMismatch,

    /// <summary>Paid in another currency.</summary>
    CurrencyMismatch,

    /// <summary>Paid, but not the order's amount (less or more).</summary>
    AmountMismatch,
}
