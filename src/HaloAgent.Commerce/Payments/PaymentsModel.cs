using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Orders;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Payments;

/// <summary>The payment tables' mapping, kept beside the payment types (the context calls it; names are snake_cased there).</summary>
internal static class PaymentsModel
{
    public static void Configure(ModelBuilder model)
    {
        var payment = model.Entity<Payment>();
        payment.ToTable("payments").HasKey(p => p.Id);
        payment.HasIndex(p => p.Reference).IsUnique();
        payment.HasIndex(p => p.OrderId).IsUnique();
        payment.HasIndex(p => new { p.BusinessId, p.Status, p.Score });
        payment.HasIndex(p => new { p.ContactId, p.CreatedAt });
        payment.HasOne<Order>().WithMany().HasForeignKey(p => p.OrderId);

        var receipt = model.Entity<ReceiptSubmission>();
        receipt.ToTable("payment_receipts").HasKey(r => r.Id);
        receipt.HasIndex(r => new { r.PaymentId, r.MessageId }).IsUnique();
        receipt.HasIndex(r => new { r.BusinessId, r.ImageSha256 });
        receipt.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId);

        model.Entity<PaystackEventRecord>().ToTable("paystack_events").HasKey(e => e.DedupeKey);

        var settings = model.Entity<PaymentSettings>();
        settings.ToTable("payment_settings").HasKey(s => s.BusinessId);
        settings.Ignore(s => s.DefaultMethod);
        settings.HasOne<Business>().WithMany().HasForeignKey(s => s.BusinessId);
    }
}
