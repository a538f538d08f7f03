namespace HaloAgent.Payments.Receipts;

public enum ReceiptReasonCode
{
    Unreadable,
    AmountMatches,
    AmountMismatch,
    AmountMissing,
    ReferenceMatches,
    ReferenceOfAnotherOrder,
    ReferenceUnknown,
    ReferenceMissing,
    DateRecent,
    DateBeforeOrder,
    DateTooOld,
    DateInFuture,
    DateMissing,
    ImageReused,
    TransferNotSuccessful,
}
