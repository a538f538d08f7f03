using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Catalog;

/// <summary>
/// Reads go to the database every time, with no cache: the agent reads the menu once per customer message, so an
/// owner's change (a price, "sold out today", a new dish's names) is what the very next message sees, on every node.
/// </summary>
internal sealed class CatalogService(IDbContextFactory<CommerceDbContext> factory, HotQueries queries, TimeProvider clock) : ICatalogService
{
    public async Task<IReadOnlyList<CatalogItem>> ListAsync(string businessId, bool includeInactive, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var items = new List<CatalogItem>();
        await foreach (var product in queries.Products(db, businessId, includeInactive).WithCancellation(cancellationToken))
        {
            items.Add(CatalogItem.From(product, now));
        }

        return items;
    }

    public async Task<CatalogItem?> FindBySkuAsync(string businessId, string sku, CancellationToken cancellationToken)
    {
        var normalized = Skus.Normalize(sku);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.BusinessId == businessId && p.Sku == normalized, cancellationToken);
        return product is null ? null : CatalogItem.From(product, clock.GetUtcNow());
    }

    public async Task<CatalogItem> UpsertAsync(string businessId, ProductDraft draft, CancellationToken cancellationToken)
    {
        Validate(draft);
        var sku = Skus.Normalize(draft.Sku);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.FirstOrDefaultAsync(p => p.BusinessId == businessId && p.Sku == sku, cancellationToken);
        if (product is null)
        {
            product = await NewProductAsync(db, businessId, sku, now, cancellationToken);
        }

        Apply(product, draft, now);
        await db.SaveChangesAsync(cancellationToken);
        return CatalogItem.From(product, now);
    }

    public async Task<CatalogChange> AddAsync(string businessId, ProductDraft draft, CancellationToken cancellationToken)
    {
        var generated = string.IsNullOrWhiteSpace(draft.Sku);
        var english = draft.Names.GetValueOrDefault(LanguageCodes.English) ?? "";
        var sku = generated ? Skus.FromName(english) : Skus.Normalize(draft.Sku);
        Validate(draft with { Sku = sku });
        if (!Skus.IsValid(sku))
        {
            throw new ArgumentException($"'{draft.Sku}' is not a usable SKU: use letters, digits and dashes, at most {Skus.MaxLength}.", nameof(draft));
        }

        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var taken = await db.Products.Where(p => p.BusinessId == businessId && p.Sku.StartsWith(sku)).Select(p => p.Sku).ToListAsync(cancellationToken);
        if (taken.Contains(sku, StringComparer.Ordinal))
        {
            if (!generated)
            {
                return new CatalogChange(CatalogChangeOutcome.DuplicateSku, sku);
            }

            // A second "Jollof rice" becomes JOLLOF-RICE-2: the owner did not choose the code, so no reason to refuse.
            sku = Enumerable.Range(2, taken.Count).Select(n => $"{sku}-{n}").First(s => !taken.Contains(s, StringComparer.Ordinal));
        }

        var product = await NewProductAsync(db, businessId, sku, now, cancellationToken);
        Apply(product, draft with { Sku = sku }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return new CatalogChange(CatalogChangeOutcome.DuplicateSku, sku);
        }

        return new CatalogChange(CatalogChangeOutcome.Created, sku, After: CatalogItem.From(product, now));
    }

    public async Task<CatalogChange> EditAsync(string businessId, string sku, ProductEdit edit, CancellationToken cancellationToken)
    {
        var normalized = Skus.Normalize(sku);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var product = await FindAsync(db, businessId, normalized, cancellationToken);
        if (product is null)
        {
            return new CatalogChange(CatalogChangeOutcome.NotFound, normalized);
        }

        var before = CatalogItem.From(product, now);
        var names = edit.Names ?? before.Names.All;
        Validate(new ProductDraft(normalized, names, edit.Aliases ?? before.Aliases, edit.PriceKobo ?? before.PriceKobo, edit.Stock ?? before.Stock));
        if (edit.Names is not null)
        {
            product.NamesJson = Json.Write(CleanNames(edit.Names));
        }

        if (edit.Aliases is not null)
        {
            product.AliasesJson = Json.Write(CleanAliases(edit.Aliases));
        }

        product.PriceKobo = edit.PriceKobo ?? product.PriceKobo;
        product.Stock = edit.Stock ?? product.Stock;
        product.Active = edit.Active ?? product.Active;
        product.ImageUrl = edit.ImageUrl ?? product.ImageUrl;
        if (edit.Category is not null)
        {
            product.Category = CleanCategory(edit.Category);
        }

        if (edit.SoldOutToday is { } soldOut)
        {
            product.SoldOutUntil = soldOut ? BusinessDay.NextStart(now).ToUnixTimeMilliseconds() : null;
        }

        product.UpdatedAt = now.ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogChange(CatalogChangeOutcome.Updated, normalized, before, CatalogItem.From(product, now));
    }

    public async Task<int> RenameCategoryAsync(string businessId, string from, string to, CancellationToken cancellationToken)
    {
        var name = CleanCategory(to) ?? throw new ArgumentException("A category needs a name.", nameof(to));
        var old = from.Trim();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Products.Where(p => p.BusinessId == businessId && p.Category == old)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Category, name).SetProperty(p => p.UpdatedAt, now), cancellationToken);
    }

    public async Task<CatalogChange> SetPhotoAsync(string businessId, string sku, string contentType, byte[] data, CancellationToken cancellationToken)
    {
        var normalized = Skus.Normalize(sku);
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var product = await FindAsync(db, businessId, normalized, cancellationToken);
        if (product is null)
        {
            return new CatalogChange(CatalogChangeOutcome.NotFound, normalized);
        }

        var before = CatalogItem.From(product, now);
        var photo = await db.ProductPhotos.FirstOrDefaultAsync(p => p.ProductId == product.Id, cancellationToken);
        if (photo is null)
        {
            photo = new ProductPhoto { ProductId = product.Id, ContentType = contentType, Data = data };
            db.ProductPhotos.Add(photo);
        }

        photo.ContentType = contentType;
        photo.Data = data;
        photo.UpdatedAt = product.UpdatedAt = now.ToUnixTimeMilliseconds();

        // The version in the URL changes with the photo, so browsers and WhatsApp may cache each version for good.
        product.ImageUrl = $"{ProductPhoto.Path}{product.Id}?v={photo.UpdatedAt}";
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogChange(CatalogChangeOutcome.Updated, normalized, before, CatalogItem.From(product, now));
    }

    public async Task<ProductPhoto?> GetPhotoAsync(string productId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.ProductPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.ProductId == productId, cancellationToken);
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

    private static async Task<Product> NewProductAsync(CommerceDbContext db, string businessId, string sku, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = await db.Products.Where(p => p.BusinessId == businessId).MaxAsync(p => (int?)p.Position, cancellationToken);
        var product = new Product { Id = Ids.New(), BusinessId = businessId, Sku = sku, Position = (last ?? 0) + 1, CreatedAt = now.ToUnixTimeMilliseconds() };
        db.Products.Add(product);
        return product;
    }

    private static void Apply(Product product, ProductDraft draft, DateTimeOffset now)
    {
        product.NamesJson = Json.Write(CleanNames(draft.Names));
        product.AliasesJson = Json.Write(CleanAliases(draft.Aliases));
        product.PriceKobo = draft.PriceKobo;
        product.Stock = draft.Stock;
        product.Category = CleanCategory(draft.Category);
        product.ImageUrl = draft.ImageUrl;
        product.Active = draft.Active;
        product.UpdatedAt = now.ToUnixTimeMilliseconds();
    }

    private static Dictionary<string, string> CleanNames(IReadOnlyDictionary<string, string> names) =>
        names.Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value.Trim(), StringComparer.Ordinal);

    private static List<string> CleanAliases(IReadOnlyList<string> aliases) =>
        aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string? CleanCategory(string? category) => string.IsNullOrWhiteSpace(category) ? null : category.Trim();

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

    private static Task<Product?> FindAsync(CommerceDbContext db, string businessId, string sku, CancellationToken cancellationToken) =>
        db.Products.FirstOrDefaultAsync(p => p.BusinessId == businessId && p.Sku == sku, cancellationToken);
}
