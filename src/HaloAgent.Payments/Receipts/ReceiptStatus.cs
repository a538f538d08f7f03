namespace HaloAgent.Payments.Receipts;

/// <summary>What the receipt itself says about the transfer.</summary>
public enum ReceiptStatus
{
    Unknown,
    Successful,
    Pending,
    Failed,
}
