using System.Globalization;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Content;
using HaloAgent.Payments.Paystack;
using Microsoft.Extensions.Logging;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Acts on a signature-checked Paystack webhook. The event is stored first (deduplicated by event and transaction id,
/// so a redelivery changes nothing); a <c>charge.success</c> for one of our references is verified with Paystack
/// (never trusting the webhook's amount) and marks the order paid without review, and the customer is told. Anything
/// else that needs a person (another currency, a different amount, money for a cancelled order) is flagged with the
/// reason; an unknown reference is kept in the webhook log.
/// </summary>
public sealed class PaystackPaymentProcessor(
    IPaymentService payments,
    PaystackClient paystack,
    CustomerNotifier notifier,
    IEscalationService escalations,
    ILogger<PaystackPaymentProcessor> logger)
{
    public async Task<PaystackWebhookOutcome> ProcessAsync(PaystackWebhookEvent webhook, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var key = webhook.DedupeKey;
        if (!await payments.BeginWebhookAsync(key, webhook.Event, webhook.Reference, body, cancellationToken))
        {
            return PaystackWebhookOutcome.Duplicate;
        }

        try
        {
            var (outcome, detail, paymentId) = await HandleAsync(webhook, key, cancellationToken);
            await payments.CompleteWebhookAsync(key, Stored(outcome), detail, paymentId, cancellationToken);
            return outcome;
        }
        catch (Exception e) when (e is PaystackApiException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "Paystack webhook {Key} could not be verified; Paystack will deliver it again", key);
            await payments.CompleteWebhookAsync(key, PaystackOutcomes.Failed, e.Message, null, CancellationToken.None);
            return PaystackWebhookOutcome.Failed;
        }
    }

    private async Task<(PaystackWebhookOutcome Outcome, string? Detail, string? PaymentId)> HandleAsync(PaystackWebhookEvent webhook, string key, CancellationToken cancellationToken)
    {
        if (!webhook.IsChargeSuccess)
        {
            return (PaystackWebhookOutcome.Ignored, $"'{webhook.Event}' is not acted on.", null);
        }

        var payment = await payments.FindByReferenceAsync(webhook.Reference ?? "", cancellationToken);
        if (payment is null)
        {
            var unknown = $"No order has the reference '{webhook.Reference}' ({Amount(webhook)}): check it in the Paystack dashboard.";
            logger.LogWarning("Paystack charge.success for unknown reference {Reference}", webhook.Reference);
            return (PaystackWebhookOutcome.UnknownReference, unknown, null);
        }

        if (payment.Status == PaymentStatus.Paid)
        {
            return (PaystackWebhookOutcome.AlreadyPaid, "The order was already paid.", payment.Id);
        }

        if (!string.Equals(webhook.Currency, PaystackInitializeRequest.Currency, StringComparison.OrdinalIgnoreCase))
        {
            var reason = $"Paystack reports a payment for {payment.Reference} in {webhook.Currency} ({Amount(webhook)}), not NGN: check it in the Paystack dashboard.";
            await FlagAsync(payment, "paystack_currency_mismatch", reason, cancellationToken);
            return (PaystackWebhookOutcome.Flagged, reason, payment.Id);
        }

        // Never the webhook's word alone: Paystack's verify answer decides, for the order's exact amount.
        var check = await paystack.ConfirmAsync(payment.Reference, payment.AmountKobo, cancellationToken);
        if (!check.IsPaid)
        {
            var reason = $"Paystack: {check.Reason}";
            await FlagAsync(payment, "paystack_" + SnakeCase.Of(check.Outcome), reason, cancellationToken);
            return (PaystackWebhookOutcome.Flagged, reason, payment.Id);
        }

        var confirmed = await payments.ConfirmAsync(payment.BusinessId, payment.Id,
            new Confirmation("paystack", check.Reason, PaymentMethod.Paystack, check.Transaction.Id?.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        if (!confirmed.Succeeded)
        {
            var reason = $"Paystack confirmed {Amount(webhook)} for {payment.Reference}, but {confirmed.Detail} Refund or restore the order.";
            await escalations.OpenAsync(payment.BusinessId, payment.ContactId, reason, "paystack", cancellationToken);
            return (PaystackWebhookOutcome.Flagged, reason, payment.Id);
        }

        if (confirmed.Outcome == PaymentActionOutcome.Changed)
        {
            await notifier.NotifyAsync(payment.OrderId, MessageTemplateKeys.PaymentConfirmed, $"paystack:{key}", cancellationToken);
        }

        return (PaystackWebhookOutcome.Paid, check.Reason, payment.Id);
    }

    private async Task FlagAsync(PaymentView payment, string verdict, string reason, CancellationToken cancellationToken)
    {
        if (payment.IsOpen)
        {
            await payments.FlagAsync(payment.Id, verdict, reason, cancellationToken);
        }
        else
        {
            // Money for an order that is no longer waiting for it (cancelled): only a person can sort that out.
            await escalations.OpenAsync(payment.BusinessId, payment.ContactId, $"{reason} (order {payment.OrderNumber} is {OrderStatusNames.ToName(payment.OrderStatus)})", "paystack", cancellationToken);
        }
    }

    private static string Amount(PaystackWebhookEvent webhook) =>
        webhook.AmountKobo is { } kobo ? string.Create(CultureInfo.InvariantCulture, $"{webhook.Currency} {kobo / 100m:#,##0.00}") : "no amount";

    private static string Stored(PaystackWebhookOutcome outcome) => outcome switch
    {
        PaystackWebhookOutcome.Paid => PaystackOutcomes.Paid,
        PaystackWebhookOutcome.AlreadyPaid => PaystackOutcomes.AlreadyPaid,
        PaystackWebhookOutcome.Flagged => PaystackOutcomes.Flagged,
        PaystackWebhookOutcome.UnknownReference => PaystackOutcomes.UnknownReference,
        PaystackWebhookOutcome.Failed => PaystackOutcomes.Failed,
        _ => PaystackOutcomes.Ignored,
    };
}
