using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Whether an order still needs chasing: waiting for payment, nobody reviewing a claim or receipt for it, and not
/// paid on delivery (those are settled when the order is handed over).
/// </summary>
public static class UnpaidOrderCheck
{
    public static bool NeedsChasing(OrderView order, PaymentView? payment) =>
        order.Status == OrderStatus.PendingPayment
        && (payment is null
            || (payment.Method != PaymentMethod.PayOnDelivery && payment.Status is PaymentStatus.AwaitingPayment or PaymentStatus.Rejected));
}
