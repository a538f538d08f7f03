namespace HaloAgent.Commerce.Payments;

/// <summary>What the agent read from one receipt, to store with the payment.</summary>
public sealed record ReceiptRecord(
    string PaymentId,
    string MessageId,
    string Verdict,
    double Score,
    IReadOnlyList<ReceiptReasonEntry> Reasons)
{
    public string? ImageSha256 { get; init; }

    public string? MimeType { get; init; }

    public long SizeBytes { get; init; }

    public byte[]? Image { get; init; }

    public string? RawText { get; init; }

    public string? FieldsJson { get; init; }

    public double OcrConfidence { get; init; }

    public double Confidence { get; init; }

    /// <summary>Why the receipt could not be fetched or read (not an image, too large, expired link, OCR failed).</summary>
    public string? Error { get; init; }

    /// <summary>The business's auto-confirm policy accepted it (recorded for the owner to audit).</summary>
    public bool AutoConfirmed { get; init; }

    /// <summary>One line for the owner's queue; defaults to the red flags, else the first reason.</summary>
    public string? Summary { get; init; }
}
