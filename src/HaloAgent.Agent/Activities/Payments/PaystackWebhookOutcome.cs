namespace HaloAgent.Agent.Activities.Payments;

/// <summary>How a Paystack webhook was handled: every outcome but <see cref="Failed"/> is answered 200 (Paystack stops retrying).</summary>
public enum PaystackWebhookOutcome
{
    Paid,
    AlreadyPaid,
    Duplicate,
    Flagged,
    UnknownReference,
    Ignored,

    /// <summary>Paystack's verify call failed: answered 500 so Paystack delivers it again, and taken again then.</summary>
    Failed,
}
