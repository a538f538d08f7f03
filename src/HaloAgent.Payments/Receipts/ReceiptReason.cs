namespace HaloAgent.Payments.Receipts;

/// <summary>One finding, for the owner reviewing the receipt. <see cref="IsRedFlag"/> findings make the verdict a mismatch.</summary>
public sealed record ReceiptReason(ReceiptReasonCode Code, bool IsRedFlag, string Message)
{
    public override string ToString() => (IsRedFlag ? "⚠ " : "") + Message;
}
