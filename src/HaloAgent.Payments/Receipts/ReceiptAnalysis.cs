namespace HaloAgent.Payments.Receipts;

/// <summary>
/// One receipt image, read: its hash (to spot the same image sent for two orders), the OCR text, the parsed fields, and
/// how much of it could really be read. <see cref="IsReadable"/> false means blurred, cropped or not a receipt at all:
/// the matcher then refuses to guess.
/// </summary>
public sealed record ReceiptAnalysis(string ImageSha256, string RawText, ReceiptFields Fields, double OcrConfidence, double Confidence, bool IsReadable);
