using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;

namespace HaloAgent.Content;

/// <summary>
/// Builds the data templates read (<c>contact</c>, <c>business</c>, <c>cart</c>, <c>order</c>, <c>product</c>) from domain
/// objects, as plain values (dictionaries, lists, decimals) that can also be stored in flow variables.
/// </summary>
public static class TemplateData
{
    public static Dictionary<string, object?> Contact(ContactInfo contact) => new(StringComparer.Ordinal)
    {
        ["id"] = contact.Id,
        ["name"] = contact.Name,
        ["language"] = contact.PreferredLanguage,
        ["loyaltyPoints"] = (decimal)contact.LoyaltyPoints,
        ["orderCount"] = (decimal)contact.OrderCount,
    };

    /// <summary>Name, delivery zones and bank details; never the WhatsApp token.</summary>
    public static Dictionary<string, object?> Business(BusinessProfile business) => new(StringComparer.Ordinal)
    {
        ["id"] = business.Id,
        ["name"] = business.Name,
        ["slug"] = business.Slug,
        ["pickupAddress"] = business.PickupAddress,
        ["zones"] = business.DeliveryZones.Select(z => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = z.Name,
            ["feeKobo"] = (decimal)z.FeeKobo,
        }).ToList(),
        ["bank"] = business.Bank is { } bank
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = bank.BankName,
                ["accountNumber"] = bank.AccountNumber,
                ["accountName"] = bank.AccountName,
            }
            : null,
    };

    /// <summary>
    /// The business's hours at <paramref name="now"/> (Lagos time): <c>today</c> ("08:00–21:00", null when closed all day),
    /// <c>closed</c> (now), and when closed <c>nextOpening</c> ("Tuesday 08:00" in the customer's language).
    /// </summary>
    public static Dictionary<string, object?> Hours(BusinessProfile business, DateTimeOffset now, string? language)
    {
        var hours = business.Hours;
        var next = hours.NextOpening(now);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["today"] = hours.Known ? hours.Today(now) : null,
            ["closed"] = next is not null,
            ["nextOpening"] = next is { } at ? $"{Weekdays.Name(at.DayOfWeek, language)} {OpeningTimes.Clock(at.TimeOfDay)}" : null,
        };
    }

    public static Dictionary<string, object?> Cart(CartView cart, string? language) => new(StringComparer.Ordinal)
    {
        ["items"] = cart.Lines.Select(l => (object?)Line(l.Sku, l.Names.For(language), l.Quantity, l.UnitPriceKobo, l.LineTotalKobo)).ToList(),
        ["itemCount"] = (decimal)cart.ItemCount,
        ["subtotalKobo"] = (decimal)cart.SubtotalKobo,
        ["isEmpty"] = cart.IsEmpty,
    };

    public static Dictionary<string, object?> Order(OrderView order, string? language)
    {
        var data = Priced(order.Lines, order.Fulfilment, order.DeliveryZone, order.DeliveryAddress, order.SubtotalKobo, order.DeliveryFeeKobo, order.TotalKobo, language);
        data["id"] = order.Id;
        data["number"] = order.Number;
        data["status"] = OrderStatusNames.ToName(order.Status);
        return data;
    }

    /// <summary>The summary before confirmation has the order's shape, without a number yet.</summary>
    public static Dictionary<string, object?> Quote(OrderQuote quote, string? language) =>
        Priced(quote.Lines, quote.Fulfilment, quote.DeliveryZone, quote.DeliveryAddress, quote.SubtotalKobo, quote.DeliveryFeeKobo, quote.TotalKobo, language);

    public static Dictionary<string, object?> Product(CatalogItem product, string? language) => new(StringComparer.Ordinal)
    {
        ["sku"] = product.Sku,
        ["name"] = product.Names.For(language),
        ["priceKobo"] = (decimal)product.PriceKobo,
        ["available"] = (decimal)product.Available,
    };

    private static Dictionary<string, object?> Priced(IReadOnlyList<OrderLine> lines, Fulfilment fulfilment, string? zone, string? address,
        long subtotal, long fee, long total, string? language) => new(StringComparer.Ordinal)
    {
        ["items"] = lines.Select(l => (object?)Line(l.Sku, l.Names.For(language), l.Quantity, l.UnitPriceKobo, l.LineTotalKobo)).ToList(),
        ["itemCount"] = (decimal)lines.Sum(l => l.Quantity),
        ["subtotalKobo"] = (decimal)subtotal,
        ["deliveryFeeKobo"] = (decimal)fee,
        ["totalKobo"] = (decimal)total,
        ["fulfilment"] = fulfilment == Fulfilment.Delivery ? "delivery" : "pickup",
        ["isDelivery"] = fulfilment == Fulfilment.Delivery,
        ["zone"] = zone,
        ["address"] = address,
    };

    private static Dictionary<string, object?> Line(string sku, string name, int quantity, long unitPriceKobo, long lineTotalKobo) => new(StringComparer.Ordinal)
    {
        ["sku"] = sku,
        ["name"] = name,
        ["quantity"] = (decimal)quantity,
        ["unitPriceKobo"] = (decimal)unitPriceKobo,
        ["lineTotalKobo"] = (decimal)lineTotalKobo,
    };
}
