namespace HaloAgent.Commerce.Payments;

/// <summary>What became of a stored Paystack webhook (<see cref="PaystackEventRecord.Outcome"/>).</summary>
public static class PaystackOutcomes
{
    public const string Received = "received";
    public const string Paid = "paid";
    public const string AlreadyPaid = "already_paid";
    public const string Flagged = "flagged";
    public const string UnknownReference = "unknown_reference";
    public const string Ignored = "ignored";

    /// <summary>Could not be processed (Paystack's verify call failed): taken again when Paystack redelivers it.</summary>
    public const string Failed = "failed";
}
