using HaloAgent.Commerce.Orders;

namespace HaloAgent.Commerce.Payments;

/// <summary>A payment as the agent and the owner read it, with its order's number and status.</summary>
public sealed record PaymentView(
    string Id,
    string BusinessId,
    string OrderId,
    string OrderNumber,
    OrderStatus OrderStatus,
    string ContactId,
    string Reference,
    PaymentMethod Method,
    PaymentStatus Status,
    long AmountKobo,
    double? Score,
    string? Verdict,
    string? ReviewReason,
    string? PaystackUrl,
    string? ProviderReference,
    string? ConfirmedBy,
    string? RejectionReason,
    long? ClaimedAt,
    long? PaidAt,
    long CreatedAt,
    long UpdatedAt)
{
    /// <summary>Still owed: the order waits for payment and no one has confirmed it.</summary>
    public bool IsOpen => OrderStatus == OrderStatus.PendingPayment && Status is PaymentStatus.AwaitingPayment or PaymentStatus.AwaitingReview or PaymentStatus.Rejected;
}
