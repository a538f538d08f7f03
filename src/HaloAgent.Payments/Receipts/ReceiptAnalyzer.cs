namespace HaloAgent.Payments.Receipts;

/// <summary>Tesseract OCR, then <see cref="ReceiptTextParser"/>, then a confidence for the whole.</summary>
public sealed class ReceiptAnalyzer(ReceiptOcr ocr, ReceiptTextParser parser) : IReceiptAnalyzer
{
    /// <summary>Fewer words read with confidence than this is not a receipt we can judge.</summary>
    public const int MinSureWords = 4;

    /// <summary>Below this mean word confidence the text is mostly guesses.</summary>
    public const double MinOcrConfidence = 0.5;

    public async Task<ReceiptAnalysis> AnalyzeAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken)
    {
        var hash = ImageHash.Sha256Hex(image.Span);
        var text = await ocr.ReadAsync(image, cancellationToken).ConfigureAwait(false);
        return Analyze(text, hash);
    }

    /// <summary>
    /// Judges OCR output (or <see cref="OcrResult.FromText"/> of a pasted bank alert). Readable means: enough words read
    /// with confidence, a decent mean confidence, and something receipt-like (an amount, or a bank plus receipt words).
    /// Confidence is the OCR confidence scaled by how many of the key fields (amount, date, bank/reference/names) were found.
    /// </summary>
    public ReceiptAnalysis Analyze(OcrResult text, string imageSha256)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = parser.Parse(text.Text);
        var ocrConfidence = text.MeanConfidence;
        var receiptLike = fields.AmountKobo is not null || (fields.Bank is not null && fields.ReceiptWordCount >= 2) || fields.ReceiptWordCount >= 3;
        var readable = text.SureWordCount >= MinSureWords && ocrConfidence >= MinOcrConfidence && receiptLike;

        var coverage = (fields.AmountKobo is not null ? 0.5 : 0)
            + (fields.PaidAt is not null ? 0.25 : 0)
            + (fields.Bank is not null || fields.PaymentReferences.Count > 0 || fields.TransactionReference is not null || fields.SessionId is not null
                || fields.RecipientName is not null ? 0.25 : 0);
        var confidence = readable ? Math.Round(ocrConfidence * (0.4 + 0.6 * coverage), 3) : Math.Round(Math.Min(ocrConfidence, 0.2) * coverage, 3);
        return new ReceiptAnalysis(imageSha256, text.Text, fields, Math.Round(ocrConfidence, 3), confidence, readable);
    }
}
