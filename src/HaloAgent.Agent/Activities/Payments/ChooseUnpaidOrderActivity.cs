using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Payments;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Payments.References;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>Reads the customer's answer to "which order did you pay for?": a tapped row, a reference, an order number or a position.</summary>
public sealed class ChooseUnpaidOrderActivity(ConversationLoader conversations, IPaymentService payments, PaymentReferenceFormat references) : Activity
{
    public static class Results
    {
        public const string Chosen = "Chosen";
        public const string NotChosen = "NotChosen";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "ChooseUnpaidOrder",
        DisplayName = "Read the chosen order",
        Category = "Payments",
        Description = "Matches the customer's answer to one of their unpaid orders; says sorry when it names none.",
        Inputs =
        [
            new InputDescriptor("text", InputKind.Text) { DisplayName = "Message", Default = JsonValue.Create("{{event.text}}") },
            new InputDescriptor("replyId", InputKind.Text) { DisplayName = "Tapped option", Default = JsonValue.Create("{{event.replyId}}") },
        ],
        Outputs = [new OutputDescriptor("paymentId", "string")],
        Outcomes = [Results.Chosen, Results.NotChosen],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var open = await payments.ListOpenForContactAsync(conversation.Business.Id, conversation.Contact.Id, cancellationToken);
        var chosen = UnpaidOrderPicker.Pick(open, context.Text("text"), context.Text("replyId"), references);
        if (chosen is null)
        {
            conversation.Send(MessageTemplateKeys.NotUnderstood, conversation.Data());
            return ActivityResult.Outcome(Results.NotChosen);
        }

        return ActivityResult.Outcome(Results.Chosen, new Dictionary<string, object?> { ["paymentId"] = chosen.Id });
    }
}
