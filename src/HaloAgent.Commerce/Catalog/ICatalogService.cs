namespace HaloAgent.Commerce.Catalog;

/// <summary>A business's products. Prices and stock here are the only ones the agent may quote.</summary>
public interface ICatalogService
{
    /// <summary>Products in menu order: SKU, names, aliases, price and stock for NLU matching and menus.</summary>
    Task<IReadOnlyList<CatalogItem>> ListAsync(string businessId, bool includeInactive, CancellationToken cancellationToken);

    /// <summary>By SKU, case-insensitive; inactive products too (callers decide what to say).</summary>
    Task<CatalogItem?> FindBySkuAsync(string businessId, string sku, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the product with that SKU.</summary>
    /// <exception cref="ArgumentException">The draft is invalid (no SKU or English name, negative price or stock).</exception>
    Task<CatalogItem> UpsertAsync(string businessId, ProductDraft draft, CancellationToken cancellationToken);

    /// <summary>Sets stock on hand (a restock or a count); false for an unknown SKU.</summary>
    Task<bool> SetStockAsync(string businessId, string sku, int stock, CancellationToken cancellationToken);
}
