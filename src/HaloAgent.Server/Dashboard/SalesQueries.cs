using System.Globalization;
using HaloAgent.Commerce;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Dashboard;

/// <summary>Daily paid orders and revenue of one business (its customers', not test runs'), and its best sellers, for the dashboard's chart.</summary>
public sealed class SalesQueries(IDbContextFactory<CommerceDbContext> factory, TimeProvider clock)
{
    public const int MaxDays = 366;
    public const int TopProductCount = 5;

    public async Task<SalesStats> SalesAsync(string businessId, int days, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(DashboardTime.Lagos).DateTime);
        var first = today.AddDays(1 - days);
        var from = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), DashboardTime.Lagos).ToUnixTimeMilliseconds();

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var orders = Paid(db, db.Orders.AsNoTracking().Where(o => o.BusinessId == businessId && o.CreatedAt >= from)).ExceptSandbox(db);
        // Only two numbers per order leave the database; a period of a small business is a few thousand orders.
        var rows = await orders.Select(o => new { o.CreatedAt, o.TotalKobo }).ToListAsync(cancellationToken);
        var byDay = rows
            .GroupBy(o => DateOnly.FromDateTime(DashboardTime.At(o.CreatedAt).ToOffset(DashboardTime.Lagos).DateTime))
            .ToDictionary(g => g.Key, g => (Orders: g.Count(), Revenue: g.Sum(o => o.TotalKobo)));
        var points = Enumerable.Range(0, days)
            .Select(i => first.AddDays(i))
            .Select(d => byDay.TryGetValue(d, out var v)
                ? new SalesPoint(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Orders, v.Revenue)
                : new SalesPoint(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 0, 0))
            .ToList();

        var top = await db.OrderItems.AsNoTracking()
            .Join(orders, i => i.OrderId, o => o.Id, (i, o) => i)
            .GroupBy(i => i.Sku)
            .Select(g => new { Sku = g.Key, Quantity = g.Sum(i => i.Quantity), Revenue = g.Sum(i => i.LineTotalKobo) })
            .OrderByDescending(g => g.Revenue).ThenBy(g => g.Sku)
            .Take(TopProductCount)
            .ToListAsync(cancellationToken);
        var skus = top.Select(t => t.Sku).ToList();
        var names = await db.Products.AsNoTracking()
            .Where(p => p.BusinessId == businessId && skus.Contains(p.Sku))
            .Select(p => new { p.Sku, p.NamesJson })
            .ToListAsync(cancellationToken);
        var nameOf = names.ToDictionary(p => p.Sku, p => EnglishName(p.NamesJson) ?? p.Sku, StringComparer.Ordinal);

        return new SalesStats(
            days,
            rows.Count,
            rows.Sum(o => o.TotalKobo),
            points,
            top.Select(t => new TopProduct(t.Sku, nameOf.GetValueOrDefault(t.Sku) ?? t.Sku, t.Quantity, t.Revenue)).ToList());
    }

    /// <summary>
    /// Orders that brought money in: their payment is confirmed, or (an order the owner moved along with no payment
    /// record, e.g. cash at the counter) they reached "paid" or later. A pay-on-delivery order being prepared is not
    /// paid yet; a cancelled order is not a sale even if it had been paid.
    /// </summary>
    private static IQueryable<Order> Paid(CommerceDbContext db, IQueryable<Order> orders) => orders.Where(o =>
        o.Status != OrderStatus.Cancelled
        && (db.Payments.Any(p => p.OrderId == o.Id && p.Status == PaymentStatus.Paid)
            || (o.Status != OrderStatus.PendingPayment && !db.Payments.Any(p => p.OrderId == o.Id))));

    private static string? EnglishName(string namesJson)
    {
        var names = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(namesJson) ?? [];
        return names.GetValueOrDefault(LanguageCodes.English) ?? names.Values.FirstOrDefault();
    }
}
