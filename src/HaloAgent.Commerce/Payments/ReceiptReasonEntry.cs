namespace HaloAgent.Commerce.Payments;

/// <summary>One finding about a receipt, for the owner: a code, whether it is a red flag, and the sentence.</summary>
public sealed record ReceiptReasonEntry(string Code, bool RedFlag, string Message);
