using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Payments.Paystack;
using HaloAgent.Payments.References;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Opens the payment of a new order: a fresh reference for the payment instructions and, when the business takes
/// Paystack and a key is configured, a payment link. Paystack being down never stops an order: the customer still
/// gets the bank details.
/// </summary>
public sealed class PaymentOpener(
    IPaymentService payments,
    PaymentReferenceGenerator references,
    PaystackClient paystack,
    IOptionsMonitor<PaystackOptions> paystackOptions,
    IOptionsMonitor<PaymentFlowOptions> options,
    ILogger<PaymentOpener> logger)
{
    public async Task<(PaymentView Payment, PaymentSettings Settings)> OpenAsync(ContactInfo contact, OrderView order, CancellationToken cancellationToken)
    {
        var settings = await payments.GetSettingsAsync(order.BusinessId, cancellationToken);
        var payment = await payments.OpenAsync(order, settings.DefaultMethod, references.Next, cancellationToken);
        // A Studio test run's customer gets the other ways to pay only: opening a Paystack transaction would reach the real
        // payment provider (and make a link someone could pay) from a flow that is only being tried out.
        if (!contact.Sandbox && settings.Paystack && paystackOptions.CurrentValue.IsConfigured && payment.PaystackUrl is null
            && payment.Status == PaymentStatus.AwaitingPayment)
        {
            try
            {
                var link = await paystack.InitializeAsync(
                    new PaystackInitializeRequest(
                        $"{contact.WaId}@{options.CurrentValue.CustomerEmailDomain}",
                        payment.AmountKobo,
                        payment.Reference,
                        Metadata: new Dictionary<string, string> { ["order_id"] = order.Id, ["order_number"] = order.Number }),
                    cancellationToken);
                await payments.SetPaystackUrlAsync(payment.Id, link.AuthorizationUrl, cancellationToken);
                payment = payment with { PaystackUrl = link.AuthorizationUrl };
            }
            catch (Exception e) when (e is PaystackApiException or HttpRequestException or InvalidOperationException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                logger.LogWarning(e, "No Paystack link for order {OrderId} ({Reference}); the customer gets the bank details only", order.Id, payment.Reference);
            }
        }

        return (payment, settings);
    }
}
