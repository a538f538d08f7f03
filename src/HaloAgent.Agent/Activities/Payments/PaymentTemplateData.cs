using HaloAgent.Commerce.Payments;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>The <c>payment</c> object templates read (reference, methods offered, Paystack link, rejection reason), as plain values.</summary>
public static class PaymentTemplateData
{
    public static Dictionary<string, object?> For(PaymentView payment, PaymentSettings settings) => new(StringComparer.Ordinal)
    {
        ["id"] = payment.Id,
        ["reference"] = payment.Reference,
        ["method"] = SnakeCase.Of(payment.Method),
        ["status"] = SnakeCase.Of(payment.Status),
        ["amountKobo"] = (decimal)payment.AmountKobo,
        ["bankTransfer"] = settings.BankTransfer,
        ["payOnDelivery"] = settings.PayOnDelivery,
        ["paystackUrl"] = payment.PaystackUrl,
        ["rejectionReason"] = payment.RejectionReason,
    };
}
