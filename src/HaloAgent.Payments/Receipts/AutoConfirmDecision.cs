namespace HaloAgent.Payments.Receipts;

/// <summary>Whether a receipt may mark an order paid without the owner, and why (or why not).</summary>
public sealed record AutoConfirmDecision(bool AutoConfirm, string Reason);
