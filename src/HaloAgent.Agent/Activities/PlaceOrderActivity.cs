using System.Globalization;
using HaloAgent.Agent.Activities.Payments;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Platform.Events;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// Creates the order from the cart (totals by code, stock reserved), sends the order number and the payment
/// instructions, and announces <c>order.created</c>. The step's idempotency key makes a re-run return the same order.
/// </summary>
public sealed class PlaceOrderActivity(ConversationLoader conversations, IOrderService orders, IEventPublisher events, PaymentOpener paymentOpener) : Activity
{
    public static class Results
    {
        public const string Created = "Created";
        public const string CannotOrder = "CannotOrder";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "PlaceOrder",
        DisplayName = "Place order",
        Category = "Commerce",
        Description = "Creates the order from the cart, reserves stock, sends the order number and payment instructions.",
        Inputs = OrderInputs.Descriptors,
        Outputs = [new OutputDescriptor("orderId", "string"), new OutputDescriptor("number", "string"), new OutputDescriptor("totalKobo", "number")],
        Outcomes = [Results.Created, Results.CannotOrder],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var inputs = OrderInputs.Read(context, conversation.Business);
        // Taken while the kitchen is closed: the order is for the next opening, and the note tells the owner so.
        var opening = conversation.Business.Hours.NextOpening(context.Now);
        var note = opening is { } at ? string.Create(CultureInfo.InvariantCulture, $"Placed while closed: for the opening at {at:yyyy-MM-dd HH:mm} (Lagos time).") : null;
        var result = await orders.CreateFromCartAsync(inputs.Request(conversation.Business.Id, conversation.Contact.Id, context.IdempotencyKey, note), cancellationToken);
        if (result.Order is not { } order || !result.Succeeded)
        {
            OrderReplies.SendRefusal(conversation, result);
            return ActivityResult.Outcome(Results.CannotOrder, new Dictionary<string, object?> { ["reason"] = result.Outcome.ToString() });
        }

        // The payment (its unguessable reference, and a Paystack link when the business takes Paystack) goes in the instructions.
        var (payment, paymentSettings) = await paymentOpener.OpenAsync(conversation.Contact, order, cancellationToken);
        var data = conversation.Data(
            ("order", TemplateData.Order(order, conversation.Language)),
            ("payment", PaymentTemplateData.For(payment, paymentSettings)),
            ("hours", TemplateData.Hours(conversation.Business, context.Now, conversation.Language)));
        conversation.Send("order_created", data);
        conversation.Send("payment_instructions", data);
        var payload = new Dictionary<string, object?>
        {
            ["orderId"] = order.Id,
            ["number"] = order.Number,
            ["totalKobo"] = (decimal)order.TotalKobo,
            ["contactId"] = conversation.Contact.Id,
            ["businessId"] = conversation.Business.Id,
            ["paymentId"] = payment.Id,
            ["paymentReference"] = payment.Reference,
        };
        await events.PublishAsync(conversation.Business.Id, EventNames.OrderCreated, conversation.Contact.Id, payload, $"{context.IdempotencyKey}:{EventNames.OrderCreated}", cancellationToken);
        await CartEffects.PublishAsync(events, context, CartEffects.Closed, conversation, cancellationToken);
        return ActivityResult.Outcome(Results.Created, payload);
    }
}
