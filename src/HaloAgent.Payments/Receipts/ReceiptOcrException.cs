namespace HaloAgent.Payments.Receipts;

/// <summary>OCR could not run on the file; <see cref="Failure"/> says why (an unreadable receipt is not an error: it scores as unreadable).</summary>
public sealed class ReceiptOcrException(ReceiptOcrFailure failure, string message) : Exception(message)
{
    public ReceiptOcrFailure Failure { get; } = failure;
}
