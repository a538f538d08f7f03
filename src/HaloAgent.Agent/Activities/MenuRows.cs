using HaloAgent.Channels.Messages;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Money;

namespace HaloAgent.Agent.Activities;

/// <summary>The catalog as a WhatsApp list: one row per product in stock, id <c>sku:&lt;SKU&gt;</c>, within WhatsApp's limits.</summary>
internal static class MenuRows
{
    public const string SkuPrefix = "sku:";

    public static IReadOnlyList<ListRow> For(IEnumerable<CatalogItem> products, string language) =>
        products.Where(p => p.InStock)
            .Take(WhatsAppLimits.MaxRows)
            .Select(p => new ListRow(
                SkuPrefix + p.Sku,
                Fit(p.Names.For(language), WhatsAppLimits.RowTitle),
                Fit(Naira.Format(p.PriceKobo, language), WhatsAppLimits.RowDescription)))
            .ToList();

    public static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
