using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Payments.Paystack;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// The customer says they paid, without a receipt. A Paystack payment is checked with Paystack at once (confirmed
/// there: paid, no review); otherwise the payment joins the owner's review queue and the customer is asked for the
/// receipt screenshot, which makes the review quicker.
/// </summary>
public sealed class RecordPaymentClaimActivity(
    ConversationLoader conversations,
    IPaymentService payments,
    IOrderService orders,
    PaystackClient paystack,
    ILogger<RecordPaymentClaimActivity> logger) : Activity
{
    public static class Results
    {
        public const string Claimed = "Claimed";
        public const string Confirmed = "Confirmed";
        public const string AlreadySettled = "AlreadySettled";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "RecordPaymentClaim",
        DisplayName = "Record payment claim",
        Category = "Payments",
        Description = "Notes that the customer says they paid (checks a Paystack link with Paystack first) and asks for the receipt.",
        Inputs = [new InputDescriptor("paymentId", InputKind.Text) { DisplayName = "Payment", Required = true, Default = JsonValue.Create("{{vars.paymentId}}") }],
        Outcomes = [Results.Claimed, Results.Confirmed, Results.AlreadySettled],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var payment = await payments.GetAsync(context.Text("paymentId") ?? "", cancellationToken);
        if (payment is null || payment.BusinessId != conversation.Business.Id || !payment.IsOpen)
        {
            return ActivityResult.Outcome(Results.AlreadySettled);
        }

        var settings = await payments.GetSettingsAsync(conversation.Business.Id, cancellationToken);
        var outcome = Results.Claimed;
        if (payment.PaystackUrl is not null)
        {
            try
            {
                var check = await paystack.ConfirmAsync(payment.Reference, payment.AmountKobo, cancellationToken);
                if (check.IsPaid)
                {
                    var confirmed = await payments.ConfirmAsync(payment.BusinessId, payment.Id,
                        new Confirmation("paystack", check.Reason, PaymentMethod.Paystack, check.Transaction.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        cancellationToken);
                    outcome = confirmed.Succeeded ? Results.Confirmed : outcome;
                    payment = confirmed.Payment ?? payment;
                }
            }
            catch (Exception e) when (e is PaystackApiException or HttpRequestException)
            {
                // Not paid through Paystack (or Paystack is unreachable): it may be a transfer; the owner decides.
                logger.LogInformation("Paystack has no payment for {Reference}: {Message}", payment.Reference, e.Message);
            }
        }

        if (outcome == Results.Claimed)
        {
            payment = await payments.RecordClaimAsync(payment.Id, "The customer says they paid; no receipt yet: check the account for the amount and reference.", cancellationToken);
        }

        var order = (await orders.GetAsync(payment.OrderId, cancellationToken))!;
        var data = conversation.Data(("order", TemplateData.Order(order, conversation.Language)), ("payment", PaymentTemplateData.For(payment, settings)));
        conversation.Send(outcome == Results.Confirmed ? MessageTemplateKeys.PaymentConfirmed : MessageTemplateKeys.PaymentSendReceipt, data);
        return ActivityResult.Outcome(outcome);
    }
}
