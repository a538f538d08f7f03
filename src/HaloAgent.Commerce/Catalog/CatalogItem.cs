namespace HaloAgent.Commerce.Catalog;

/// <summary>A product as the NLU matches it and menus list it.</summary>
public sealed record CatalogItem(
    string Id,
    string Sku,
    LocalizedNames Names,
    IReadOnlyList<string> Aliases,
    long PriceKobo,
    int Stock,
    string? ImageUrl,
    string? Category,
    bool Active)
{
    public bool InStock => Active && Stock > 0;

    internal static CatalogItem From(Product p) => new(
        p.Id,
        p.Sku,
        new LocalizedNames(Persistence.Json.Read(p.NamesJson, new Dictionary<string, string>())),
        Persistence.Json.Read(p.AliasesJson, new List<string>()),
        p.PriceKobo,
        p.Stock,
        p.ImageUrl,
        p.Category,
        p.Active);
}
