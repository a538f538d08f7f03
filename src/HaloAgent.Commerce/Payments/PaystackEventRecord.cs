namespace HaloAgent.Commerce.Payments;

/// <summary>
/// A Paystack webhook as received (stored before it is acted on), keyed by its dedupe key (event + transaction id):
/// Paystack retries until it gets a 200, and a redelivery must change nothing.
/// </summary>
public sealed class PaystackEventRecord
{
    public required string DedupeKey { get; set; }

    public required string Event { get; set; }

    public string? Reference { get; set; }

    public required string Body { get; set; }

    /// <summary>received, paid, flagged, unknown_reference, ignored, failed.</summary>
    public required string Outcome { get; set; }

    public string? Detail { get; set; }

    public string? PaymentId { get; set; }

    public long ReceivedAt { get; set; }

    public long? ProcessedAt { get; set; }
}
