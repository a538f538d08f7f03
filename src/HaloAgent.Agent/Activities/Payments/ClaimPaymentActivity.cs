using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Payments;
using HaloAgent.Engine.Activities;
using HaloAgent.Payments.References;
using HaloAgent.Platform.Events;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Hands a payment message (the customer says they paid, or sends an image) to the payment-confirmation flow by
/// raising <c>payment.claimed</c> with the message, and says how many orders are still unpaid so the conversation
/// knows the next message may answer "which order?".
/// </summary>
public sealed class ClaimPaymentActivity(ConversationLoader conversations, IPaymentService payments, IEventPublisher events, PaymentReferenceFormat references)
    : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "ClaimPayment",
        DisplayName = "Hand over a payment claim",
        Category = "Payments",
        Description = "Raises payment.claimed with the customer's message (text, image, reply) for the payment-confirmation flow.",
        Outputs =
        [
            new OutputDescriptor("unpaid", "number", "How many of the customer's orders wait for payment."),
            new OutputDescriptor("needsChoice", "boolean", "Several unpaid orders and the message names none: the customer is about to be asked which."),
        ],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var open = await payments.ListOpenForContactAsync(conversation.Business.Id, conversation.Contact.Id, cancellationToken);
        await events.PublishAsync(conversation.Business.Id, EventNames.PaymentClaimed, conversation.Contact.Id, context.Event, $"{context.IdempotencyKey}:{EventNames.PaymentClaimed}", cancellationToken);
        var message = context.Event as IDictionary<string, object?>;
        var text = message is not null && message.TryGetValue("text", out var t) ? t as string : null;
        var replyId = message is not null && message.TryGetValue("replyId", out var r) ? r as string : null;
        var needsChoice = open.Count > 1 && UnpaidOrderPicker.Pick(open, text, replyId, references) is null;
        return ActivityResult.Done(new Dictionary<string, object?> { ["unpaid"] = (decimal)open.Count, ["needsChoice"] = needsChoice });
    }
}
