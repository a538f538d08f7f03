using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Channels.Messages;
using HaloAgent.Platform.Money;
using HaloAgent.Commerce.Payments;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Payments.References;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Finds the order a payment message is about among the customer's unpaid ones: none (the customer is told), one (or
/// the one the message names), or several, when the customer is asked to pick one from a list.
/// </summary>
public sealed class FindUnpaidOrdersActivity(ConversationLoader conversations, IPaymentService payments, PaymentReferenceFormat references) : Activity
{
    public static class Results
    {
        public const string None = "None";
        public const string One = "One";
        public const string Several = "Several";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "FindUnpaidOrders",
        DisplayName = "Find the unpaid order",
        Category = "Payments",
        Description = "Picks the unpaid order a payment message is about; with several and no hint, asks the customer which one.",
        Inputs =
        [
            new InputDescriptor("text", InputKind.Text) { DisplayName = "Message", Default = JsonValue.Create("{{event.text}}") },
            new InputDescriptor("replyId", InputKind.Text) { DisplayName = "Tapped option", Default = JsonValue.Create("{{event.replyId}}") },
        ],
        Outputs = [new OutputDescriptor("paymentId", "string"), new OutputDescriptor("count", "number")],
        Outcomes = [Results.None, Results.One, Results.Several],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var open = await payments.ListOpenForContactAsync(conversation.Business.Id, conversation.Contact.Id, cancellationToken);
        if (open.Count == 0)
        {
            conversation.Send(MessageTemplateKeys.PaymentNoUnpaidOrder, conversation.Data());
            return ActivityResult.Outcome(Results.None, Output(null, 0));
        }

        var chosen = open.Count == 1 ? open[0] : UnpaidOrderPicker.Pick(open, context.Text("text"), context.Text("replyId"), references);
        if (chosen is not null)
        {
            return ActivityResult.Outcome(Results.One, Output(chosen.Id, open.Count));
        }

        var data = conversation.Data();
        var rows = open.Take(WhatsAppLimits.MaxRows)
            .Select(p => new ListRow(
                UnpaidOrderPicker.RowPrefix + p.Id,
                MenuRows.Fit(p.OrderNumber, WhatsAppLimits.RowTitle),
                MenuRows.Fit($"{Naira.Format(p.AmountKobo, conversation.Language)} · {p.Reference}", WhatsAppLimits.RowDescription)))
            .ToList();
        conversation.Enqueue(new ListContent(
            conversation.Render(MessageTemplateKeys.PaymentWhichOrder, data),
            MenuRows.Fit(conversation.Render(MessageTemplateKeys.ButtonChooseOrder, data), WhatsAppLimits.ListButton),
            [new ListSection(null, rows)]));
        return ActivityResult.Outcome(Results.Several, Output(null, open.Count));
    }

    private static Dictionary<string, object?> Output(string? paymentId, int count) =>
        new() { ["paymentId"] = paymentId, ["count"] = (decimal)count };
}
