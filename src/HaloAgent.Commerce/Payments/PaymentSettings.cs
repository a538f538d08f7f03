namespace HaloAgent.Commerce.Payments;

/// <summary>
/// A business's payment choices: which methods customers are offered, and the opt-in to confirm receipts without the
/// owner (only clean matches scoring at least <see cref="AutoConfirmMinScore"/>, for orders up to
/// <see cref="AutoConfirmMaxKobo"/>). A business without a row gets <see cref="Defaults"/>.
/// </summary>
public sealed class PaymentSettings
{
    public required string BusinessId { get; set; }

    public bool BankTransfer { get; set; } = true;

    public bool PayOnDelivery { get; set; }

    public bool Paystack { get; set; }

    public bool AutoConfirmReceipts { get; set; }

    public double AutoConfirmMinScore { get; set; } = 0.9;

    public long AutoConfirmMaxKobo { get; set; } = 2_000_000;

    public long UpdatedAt { get; set; }

    public static PaymentSettings Defaults(string businessId) => new() { BusinessId = businessId };

    /// <summary>The method an order is opened with: transfer when offered, else Paystack, else on delivery.</summary>
    public PaymentMethod DefaultMethod =>
        BankTransfer ? PaymentMethod.BankTransfer : Paystack ? PaymentMethod.Paystack : PayOnDelivery ? PaymentMethod.PayOnDelivery : PaymentMethod.BankTransfer;
}
