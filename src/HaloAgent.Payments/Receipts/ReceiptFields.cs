namespace HaloAgent.Payments.Receipts;

/// <summary>
/// What the parser found on a receipt; any field may be missing. <see cref="PaidAt"/> is in the receipt's local time
/// (WAT by default); when <see cref="HasTime"/> is false only its date is meaningful.
/// </summary>
public sealed record ReceiptFields
{
    public static ReceiptFields Empty { get; } = new();

    /// <summary>The transferred amount in kobo (not a fee, not a balance).</summary>
    public long? AmountKobo { get; init; }

    /// <summary>The amount as printed (after OCR), e.g. <c>#18,000.00</c>.</summary>
    public string? AmountText { get; init; }

    public DateTimeOffset? PaidAt { get; init; }

    public bool HasTime { get; init; }

    /// <summary>The bank or wallet named first: usually the app that issued the receipt (sender's side).</summary>
    public string? Bank { get; init; }

    /// <summary>The bank printed against the beneficiary, when the receipt has one.</summary>
    public string? RecipientBank { get; init; }

    public string? SenderName { get; init; }

    public string? RecipientName { get; init; }

    /// <summary>The bank's transaction reference or id (not one of our payment references).</summary>
    public string? TransactionReference { get; init; }

    /// <summary>The NIBSS (NIP) session id of an inter-bank transfer, usually 30 digits.</summary>
    public string? SessionId { get; init; }

    /// <summary>Our payment references written on the receipt (usually in the narration), canonical.</summary>
    public IReadOnlyList<string> PaymentReferences { get; init; } = [];

    /// <summary>References with one character OCR could not read (<c>HLO-ZA?JA</c>), see <see cref="References.PaymentReferenceFormat.FindBlurredIn"/>.</summary>
    public IReadOnlyList<string> BlurredPaymentReferences { get; init; } = [];

    public ReceiptStatus Status { get; init; }

    /// <summary>Words that receipts carry (transfer, amount, beneficiary, session id…): how receipt-like the text is.</summary>
    public int ReceiptWordCount { get; init; }
}
