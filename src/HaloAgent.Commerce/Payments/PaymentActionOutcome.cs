namespace HaloAgent.Commerce.Payments;

public enum PaymentActionOutcome
{
    Changed,

    /// <summary>Already so (a repeated approve, a redelivered webhook): nothing to do.</summary>
    Unchanged,

    UnknownPayment,

    /// <summary>The payment or its order is in a state that forbids it (rejecting a paid payment, approving for a cancelled order).</summary>
    NotAllowed,
}
