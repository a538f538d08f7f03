namespace HaloAgent.Commerce.Catalog;

public enum CatalogChangeOutcome
{
    Created,
    Updated,
    NotFound,
    DuplicateSku,
}

/// <summary>What a catalog change did, with the dish before and after (for the audit log).</summary>
public sealed record CatalogChange(CatalogChangeOutcome Outcome, string Sku, CatalogItem? Before = null, CatalogItem? After = null);
