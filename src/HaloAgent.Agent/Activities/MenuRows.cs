using HaloAgent.Channels.Messages;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Content;
using HaloAgent.Platform.Money;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// The catalog as WhatsApp lists: every product in stock, id <c>sku:&lt;SKU&gt;</c>, grouped by category (titled in the
/// customer's language) into pages of at most ten rows (WhatsApp's limit per list message); a name too long for a row
/// title (24 characters) is shortened at a word and given in full in the description, with the price.
/// </summary>
internal static class MenuRows
{
    public const string SkuPrefix = "sku:";

    /// <summary>One page per list message, each a list of sections (category title, rows).</summary>
    public static IReadOnlyList<IReadOnlyList<ListSection>> Pages(IEnumerable<CatalogItem> products, string language, string defaultSectionTitle)
    {
        // Categories in the order they first appear, so the owner's catalog order is kept within each.
        var rows = products.Where(p => p.InStock)
            .GroupBy(p => string.IsNullOrWhiteSpace(p.Category) ? defaultSectionTitle : CategoryTitles.For(p.Category, language))
            .SelectMany(g => g.Select(p => (Section: g.Key, Row: Row(p, language))))
            .ToList();

        var pages = new List<IReadOnlyList<ListSection>>();
        foreach (var chunk in rows.Chunk(WhatsAppLimits.MaxRows))
        {
            pages.Add(chunk
                .GroupBy(r => r.Section)
                .Select(g => new ListSection(Fit(g.Key, WhatsAppLimits.SectionTitle), g.Select(r => r.Row).ToList()))
                .ToList());
        }

        return pages;
    }

    public static ListRow Row(CatalogItem product, string language)
    {
        var name = product.Names.For(language);
        var price = Naira.Format(product.PriceKobo, language);
        var title = ShortTitle(name, WhatsAppLimits.RowTitle);
        var description = title == name ? price : $"{name} · {price}";
        return new ListRow(SkuPrefix + product.Sku, title, Fit(description, WhatsAppLimits.RowDescription));
    }

    public static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>"Tuwo shinkafa & miyan kuka" → "Tuwo shinkafa & miyan…": cut between words, not inside one.</summary>
    public static string ShortTitle(string name, int max)
    {
        if (name.Length <= max)
        {
            return name;
        }

        var cut = name.LastIndexOf(' ', max - 1);
        var head = (cut > max / 2 ? name[..cut] : name[..(max - 1)]).TrimEnd(' ', '&', ',', '-', '(');
        return head + "…";
    }
}
