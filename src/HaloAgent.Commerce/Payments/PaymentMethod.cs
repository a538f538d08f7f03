namespace HaloAgent.Commerce.Payments;

/// <summary>How an order is (to be) paid. Stored as snake_case (bank_transfer, pay_on_delivery, paystack).</summary>
public enum PaymentMethod
{
    /// <summary>Transfer to the business's account; the owner confirms it (a receipt is evidence, not proof).</summary>
    BankTransfer,

    /// <summary>Cash or transfer when the order is delivered or picked up; the owner marks it paid then.</summary>
    PayOnDelivery,

    /// <summary>A Paystack payment link; confirmed by the verified charge.success webhook, no review needed.</summary>
    Paystack,
}
