namespace HaloAgent.Commerce.Catalog;

/// <summary>What the owner (or the seeder) says a product is; upserted by SKU.</summary>
public sealed record ProductDraft(
    string Sku,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<string> Aliases,
    long PriceKobo,
    int Stock,
    string? Category = null,
    string? ImageUrl = null,
    bool Active = true);
