namespace HaloAgent.Commerce.Catalog;

/// <summary>
/// A product as the NLU matches it and menus list it. <see cref="SoldOut"/> is read against the clock when the item is
/// loaded: a sold-out dish is still matched by name (so the customer hears it is sold out, not that it is unknown).
/// </summary>
public sealed record CatalogItem(
    string Id,
    string Sku,
    LocalizedNames Names,
    IReadOnlyList<string> Aliases,
    long PriceKobo,
    int Stock,
    string? ImageUrl,
    string? Category,
    bool Active,
    DateTimeOffset? SoldOutUntil = null)
{
    /// <summary>Marked sold out for today by the owner (stock may remain: it is sold again the next business day).</summary>
    public bool SoldOut => SoldOutUntil is not null;

    public bool InStock => Available > 0;

    /// <summary>Units a customer can order now: none while inactive or sold out.</summary>
    public int Available => Active && !SoldOut ? Stock : 0;

    internal static CatalogItem From(Product p, DateTimeOffset now) => new(
        p.Id,
        p.Sku,
        new LocalizedNames(Persistence.Json.Read(p.NamesJson, new Dictionary<string, string>())),
        Persistence.Json.Read(p.AliasesJson, new List<string>()),
        p.PriceKobo,
        p.Stock,
        p.ImageUrl,
        p.Category,
        p.Active,
        p.SoldOutUntil is { } until && until > now.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null);
}
