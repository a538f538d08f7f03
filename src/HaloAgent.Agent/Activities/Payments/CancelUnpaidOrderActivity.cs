using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Cancels an order that stayed unpaid (its stock goes back on sale), closes its payment and tells the customer. An
/// order paid or under review in the meantime is left alone.
/// </summary>
public sealed class CancelUnpaidOrderActivity(ConversationLoader conversations, IOrderService orders, IPaymentService payments) : Activity
{
    public static class Results
    {
        public const string Cancelled = "Cancelled";
        public const string Settled = "Settled";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "CancelUnpaidOrder",
        DisplayName = "Cancel unpaid order",
        Category = "Payments",
        Description = "Cancels the order if it is still unpaid, releasing its stock, and sends order_cancelled.",
        Inputs = [new InputDescriptor("orderId", InputKind.Text) { DisplayName = "Order", Required = true, Default = JsonValue.Create("{{event.orderId}}") }],
        Outcomes = [Results.Cancelled, Results.Settled],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var order = await orders.GetAsync(context.Text("orderId") ?? "", cancellationToken);
        if (order is null || !UnpaidOrderCheck.NeedsChasing(order, await payments.GetForOrderAsync(order.Id, cancellationToken)))
        {
            return ActivityResult.Outcome(Results.Settled);
        }

        var changed = await orders.ChangeStatusAsync(order.Id, OrderStatus.Cancelled, "payments", "not paid in time", cancellationToken);
        if (changed.Outcome != StatusChangeOutcome.Changed || changed.Order is null)
        {
            return ActivityResult.Outcome(Results.Settled);
        }

        await payments.CancelForOrderAsync(order.Id, cancellationToken);
        conversation.Send(MessageTemplateKeys.OrderCancelled, conversation.Data(("order", TemplateData.Order(changed.Order, conversation.Language))));
        return ActivityResult.Outcome(Results.Cancelled);
    }
}
