namespace HaloAgent.Commerce.Payments;

/// <summary>
/// One receipt a customer sent for a payment, as read: the image hash (the same screenshot sent for two orders is
/// flagged), the OCR text, the parsed fields, the score and the reasons, and the image itself (capped) for the owner.
/// A receipt that could not be fetched or read is kept too, with <see cref="Error"/> saying why.
/// </summary>
public sealed class ReceiptSubmission
{
    public required string Id { get; set; }

    public required string PaymentId { get; set; }

    public required string BusinessId { get; set; }

    public required string OrderId { get; set; }

    /// <summary>The channel's message (or media) id: a redelivered message records nothing new.</summary>
    public required string MessageId { get; set; }

    public string? ImageSha256 { get; set; }

    public string? MimeType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>The image, when it was an image under the storage cap.</summary>
    public byte[]? Image { get; set; }

    public string? RawText { get; set; }

    /// <summary>The parsed fields as JSON (amount, date, bank, names, references...).</summary>
    public string? FieldsJson { get; set; }

    public double OcrConfidence { get; set; }

    public double Confidence { get; set; }

    public double Score { get; set; }

    public required string Verdict { get; set; }

    /// <summary>JSON list of <see cref="ReceiptReasonEntry"/>.</summary>
    public string ReasonsJson { get; set; } = "[]";

    public string? Error { get; set; }

    public bool AutoConfirmed { get; set; }

    public long CreatedAt { get; set; }
}
