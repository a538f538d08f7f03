using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Catalog;

internal sealed class CatalogService(IDbContextFactory<CommerceDbContext> factory, HotQueries queries, TimeProvider clock) : ICatalogService
{
    public async Task<IReadOnlyList<CatalogItem>> ListAsync(string businessId, bool includeInactive, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var items = new List<CatalogItem>();
        await foreach (var product in queries.Products(db, businessId, includeInactive).WithCancellation(cancellationToken))
        {
            items.Add(CatalogItem.From(product));
        }

        return items;
    }

    public async Task<CatalogItem?> FindBySkuAsync(string businessId, string sku, CancellationToken cancellationToken)
    {
        var normalized = Skus.Normalize(sku);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.BusinessId == businessId && p.Sku == normalized, cancellationToken);
        return product is null ? null : CatalogItem.From(product);
    }

    public async Task<CatalogItem> UpsertAsync(string businessId, ProductDraft draft, CancellationToken cancellationToken)
    {
        Validate(draft);
        var sku = Skus.Normalize(draft.Sku);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.FirstOrDefaultAsync(p => p.BusinessId == businessId && p.Sku == sku, cancellationToken);
        if (product is null)
        {
            var last = await db.Products.Where(p => p.BusinessId == businessId).MaxAsync(p => (int?)p.Position, cancellationToken);
            product = new Product { Id = Ids.New(), BusinessId = businessId, Sku = sku, Position = (last ?? 0) + 1, CreatedAt = now };
            db.Products.Add(product);
        }

        product.NamesJson = Json.Write(draft.Names.Where(n => !string.IsNullOrWhiteSpace(n.Value))
            .ToDictionary(n => n.Key, n => n.Value.Trim(), StringComparer.Ordinal));
        product.AliasesJson = Json.Write(draft.Aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        product.PriceKobo = draft.PriceKobo;
        product.Stock = draft.Stock;
        product.Category = draft.Category;
        product.ImageUrl = draft.ImageUrl;
        product.Active = draft.Active;
        product.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return CatalogItem.From(product);
    }

    public async Task<bool> SetStockAsync(string businessId, string sku, int stock, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stock);
        var normalized = Skus.Normalize(sku);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Products.Where(p => p.BusinessId == businessId && p.Sku == normalized)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, stock).SetProperty(p => p.UpdatedAt, now), cancellationToken) == 1;
    }

    private static void Validate(ProductDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Sku))
        {
            throw new ArgumentException("A product needs a SKU.", nameof(draft));
        }

        if (!draft.Names.TryGetValue(LanguageCodes.English, out var english) || string.IsNullOrWhiteSpace(english))
        {
            throw new ArgumentException($"Product {draft.Sku} needs an English name (the fallback for every language).", nameof(draft));
        }

        if (draft.Names.Keys.FirstOrDefault(k => !LanguageCodes.IsSupported(k)) is { } unknown)
        {
            throw new ArgumentException($"Product {draft.Sku} has a name in '{unknown}', which is not one of {string.Join(", ", LanguageCodes.All)}.", nameof(draft));
        }

        if (draft.PriceKobo < 0 || draft.Stock < 0)
        {
            throw new ArgumentException($"Product {draft.Sku} has a negative price or stock.", nameof(draft));
        }
    }
}
