namespace HaloAgent.Payments.Receipts;

/// <summary>Reads a receipt image (screenshot of a bank transfer) into fields. Evidence for a person, never proof of payment.</summary>
public interface IReceiptAnalyzer
{
    /// <summary>
    /// OCR, parse and hash <paramref name="image"/>. Throws <see cref="ReceiptOcrException"/> when the file is not an
    /// image or OCR cannot run; an image with nothing legible comes back with <see cref="ReceiptAnalysis.IsReadable"/> false.
    /// </summary>
    Task<ReceiptAnalysis> AnalyzeAsync(ReadOnlyMemory<byte> image, CancellationToken cancellationToken);
}
