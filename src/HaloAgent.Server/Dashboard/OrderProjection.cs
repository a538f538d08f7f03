using System.Text.Json;
using HaloAgent.Commerce;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Builds the Studio's order and payment-review shapes from the commerce records of one business; a test run's sandbox
/// order or payment has none (null), so neither the lists nor the live stream ever show one.
/// </summary>
public sealed class OrderProjection(IDbContextFactory<CommerceDbContext> factory, IPaymentService payments)
{
    public const string PaymentReviewStatus = "payment_review";

    /// <summary>Every status name an order may read on the dashboard; the Studio labels exactly these.</summary>
    public static IReadOnlyList<string> StatusNames { get; } =
        [.. Enum.GetValues<OrderStatus>().Select(OrderStatusNames.ToName), PaymentReviewStatus];

    public async Task<DashboardOrder?> OrderAsync(string businessId, string orderId, CancellationToken cancellationToken) =>
        await payments.GetOrderAsync(businessId, orderId, cancellationToken) is { } order
            ? (await WithContactsAsync([order], cancellationToken)).Single()
            : null;

    /// <summary>A page of the business's orders, newest first (test runs' sandbox orders left out).</summary>
    public async Task<IReadOnlyList<DashboardOrder>> ListAsync(string businessId, OrderStatus? status, int skip, int take, CancellationToken cancellationToken) =>
        await WithContactsAsync(await payments.ListOrdersAsync(businessId, status, skip, take, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<DashboardOrder>> WithContactsAsync(IReadOnlyList<OrderWithPayment> orders, CancellationToken cancellationToken)
    {
        var ids = orders.Select(o => o.Order.ContactId).Distinct().ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.PhoneE164, c.Channel, c.WaId })
            .ToDictionaryAsync(c => c.Id, c => (Name: ContactDisplay.Name(c.Name, c.PhoneE164, c.Channel, c.WaId), c.PhoneE164), cancellationToken);
        return orders.Select(o =>
        {
            var (name, phone) = contacts.TryGetValue(o.Order.ContactId, out var contact) ? contact : (Name: "Customer", PhoneE164: (string?)null);
            return ToDashboard(o, name, phone);
        }).ToList();
    }

    private static DashboardOrder ToDashboard(OrderWithPayment withPayment, string name, string? phone)
    {
        var order = withPayment.Order;
        var inReview = order.Status == OrderStatus.PendingPayment && withPayment.Payment?.Status == PaymentStatus.AwaitingReview;
        return new DashboardOrder(
            order.Id,
            order.Number,
            order.ContactId,
            name,
            ContactDisplay.Phone(phone),
            inReview ? PaymentReviewStatus : OrderStatusNames.ToName(order.Status),
            OrderTransitions.Next(order.Status, order.Fulfilment).Select(OrderStatusNames.ToName).ToList(),
            order.Fulfilment == Fulfilment.Delivery ? "delivery" : "pickup",
            order.DeliveryZone,
            order.DeliveryAddress,
            order.Lines.Select(l => new DashboardOrderLine(l.Sku, l.Names.For(LanguageCodes.English), l.Quantity, l.UnitPriceKobo, l.LineTotalKobo)).ToList(),
            order.SubtotalKobo,
            order.DeliveryFeeKobo,
            order.TotalKobo,
            DashboardTime.At(order.CreatedAt),
            DashboardTime.At(order.UpdatedAt),
            withPayment.Payment);
    }

    public async Task<PaymentReviewItem?> PaymentReviewAsync(string businessId, string paymentId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await (
                from p in db.Payments.AsNoTracking()
                join o in db.Orders.AsNoTracking() on p.OrderId equals o.Id
                join c in db.Contacts.AsNoTracking().ExceptSandbox() on p.ContactId equals c.Id
                where p.Id == paymentId && p.BusinessId == businessId
                select new { p.Id, p.OrderId, o.Number, c.Name, c.PhoneE164, c.Channel, c.WaId, p.AmountKobo, p.Reference, p.ClaimedAt, p.UpdatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var fields = await db.ReceiptSubmissions.AsNoTracking()
            .Where(r => r.PaymentId == paymentId && r.FieldsJson != null)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => r.FieldsJson)
            .FirstOrDefaultAsync(cancellationToken);
        return new PaymentReviewItem(
            row.Id, row.OrderId, row.Number, ContactDisplay.Name(row.Name, row.PhoneE164, row.Channel, row.WaId), ContactDisplay.Phone(row.PhoneE164),
            ReceiptAmount(fields) ?? row.AmountKobo, row.AmountKobo, row.Reference, null, DashboardTime.At(row.ClaimedAt ?? row.UpdatedAt));
    }

    /// <summary>The amount read from the receipt (<c>amountKobo</c> of the parsed fields), when there is one.</summary>
    private static long? ReceiptAmount(string? fieldsJson)
    {
        if (fieldsJson is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(fieldsJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("amountKobo", out var amount)
                   && amount.ValueKind == JsonValueKind.Number && amount.TryGetInt64(out var kobo)
                ? kobo
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
