using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>Reminds the customer that an order waits for payment, with the amount, the reference and the Paystack link.</summary>
public sealed class SendPaymentReminderActivity(ConversationLoader conversations, IOrderService orders, IPaymentService payments) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SendPaymentReminder",
        DisplayName = "Send payment reminder",
        Category = "Payments",
        Description = "Sends payment_reminder for the order in the customer's language.",
        Inputs = [new InputDescriptor("orderId", InputKind.Text) { DisplayName = "Order", Required = true, Default = JsonValue.Create("{{event.orderId}}") }],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var order = await orders.GetAsync(context.Text("orderId") ?? "", cancellationToken);
        if (order is null)
        {
            return ActivityResult.Done();
        }

        var data = conversation.Data(("order", TemplateData.Order(order, conversation.Language)));
        if (await payments.GetForOrderAsync(order.Id, cancellationToken) is { } payment)
        {
            data["payment"] = PaymentTemplateData.For(payment, await payments.GetSettingsAsync(order.BusinessId, cancellationToken));
        }

        conversation.Send(MessageTemplateKeys.PaymentReminder, data);
        return ActivityResult.Done();
    }
}
