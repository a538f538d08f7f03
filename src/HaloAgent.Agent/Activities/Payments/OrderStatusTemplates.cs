using HaloAgent.Commerce.Orders;
using HaloAgent.Content;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>The message a customer gets when their order moves to a status.</summary>
public static class OrderStatusTemplates
{
    public static string For(OrderStatus status) => status switch
    {
        OrderStatus.Paid => MessageTemplateKeys.PaymentConfirmed,
        OrderStatus.Preparing => MessageTemplateKeys.OrderPreparing,
        OrderStatus.ReadyForPickup => MessageTemplateKeys.OrderReadyForPickup,
        OrderStatus.OutForDelivery => MessageTemplateKeys.OrderOutForDelivery,
        OrderStatus.Completed => MessageTemplateKeys.OrderCompleted,
        OrderStatus.Cancelled => MessageTemplateKeys.OrderCancelled,
        _ => MessageTemplateKeys.OrderCreated,
    };
}
