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

    /// <summary>
    /// Adds a new dish: <see cref="CatalogChangeOutcome.DuplicateSku"/> when the SKU is taken. A blank SKU is made from
    /// the English name (and numbered when that is taken).
    /// </summary>
    /// <exception cref="ArgumentException">The draft is invalid (no English name, bad SKU, negative price or stock).</exception>
    Task<CatalogChange> AddAsync(string businessId, ProductDraft draft, CancellationToken cancellationToken);

    /// <summary>Changes the fields <paramref name="edit"/> sets; the agent reads the change on its next message.</summary>
    /// <exception cref="ArgumentException">The edit is invalid (negative price or stock, no English name).</exception>
    Task<CatalogChange> EditAsync(string businessId, string sku, ProductEdit edit, CancellationToken cancellationToken);

    /// <summary>Moves every dish of category <paramref name="from"/> to <paramref name="to"/>; how many moved.</summary>
    Task<int> RenameCategoryAsync(string businessId, string from, string to, CancellationToken cancellationToken);

    /// <summary>Stores the dish's photo (the caller checked its size and type) and points its image URL at it.</summary>
    Task<CatalogChange> SetPhotoAsync(string businessId, string sku, string contentType, byte[] data, CancellationToken cancellationToken);

    /// <summary>A dish's photo by product id (ids are random, so the URL may be public like the menu it shows).</summary>
    Task<ProductPhoto?> GetPhotoAsync(string productId, CancellationToken cancellationToken);

    /// <summary>Sets stock on hand (a restock or a count); false for an unknown SKU.</summary>
    Task<bool> SetStockAsync(string businessId, string sku, int stock, CancellationToken cancellationToken);
}
