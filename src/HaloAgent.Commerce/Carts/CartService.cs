using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Carts;

internal sealed class CartService(IDbContextFactory<CommerceDbContext> factory, TimeProvider clock) : ICartService
{
    public async Task<CartView> GetAsync(string businessId, string contactId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cart = await db.Carts.AsNoTracking().FirstOrDefaultAsync(c => c.ContactId == contactId && c.BusinessId == businessId, cancellationToken);
        return await ViewAsync(db, contactId, cart, cancellationToken);
    }

    public Task<CartResult> AddItemAsync(string businessId, string contactId, string sku, int quantity, CancellationToken cancellationToken) =>
        quantity is < 1 or > ICartService.MaxLineQuantity
            ? RefuseAsync(businessId, contactId, CartOutcome.InvalidQuantity, sku, cancellationToken)
            : ChangeAsync(businessId, contactId, sku, current => current + quantity, cancellationToken);

    public Task<CartResult> SetQuantityAsync(string businessId, string contactId, string sku, int quantity, CancellationToken cancellationToken) =>
        quantity is < 0 or > ICartService.MaxLineQuantity
            ? RefuseAsync(businessId, contactId, CartOutcome.InvalidQuantity, sku, cancellationToken)
            : ChangeAsync(businessId, contactId, sku, _ => quantity, cancellationToken);

    public Task<CartResult> RemoveItemAsync(string businessId, string contactId, string sku, CancellationToken cancellationToken) =>
        ChangeAsync(businessId, contactId, sku, _ => 0, cancellationToken);

    public async Task<CartView> ClearAsync(string businessId, string contactId, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cart = await db.Carts.FirstOrDefaultAsync(c => c.ContactId == contactId && c.BusinessId == businessId, cancellationToken);
        if (cart is not null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.CartItems.Where(i => i.CartId == cart.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Carts.Where(c => c.Id == cart.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new CartView(cart?.Id, contactId, [], cart is null ? null : now);
    }

    public async Task<IReadOnlyList<string>> ListIdleAsync(string businessId, long idleSince, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Carts.AsNoTracking()
            .Where(c => c.BusinessId == businessId && c.UpdatedAt < idleSince && db.CartItems.Any(i => i.CartId == c.Id))
            .OrderBy(c => c.UpdatedAt)
            .Select(c => c.ContactId)
            .ToListAsync(cancellationToken);
    }

    private async Task<CartResult> ChangeAsync(string businessId, string contactId, string sku, Func<int, int> newQuantity, CancellationToken cancellationToken)
    {
        var normalized = Skus.Normalize(sku);
        var cartId = await EnsureCartAsync(businessId, contactId, cancellationToken);
        var now = Now();

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Touching the cart row first locks it, so two changes to one cart (two nodes, two quick messages) queue up
        // instead of both reading the same quantity.
        await db.Carts.Where(c => c.Id == cartId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), cancellationToken);
        var cart = await db.Carts.AsNoTracking().SingleAsync(c => c.Id == cartId, cancellationToken);

        var product = await db.Products.AsNoTracking()
            .FirstOrDefaultAsync(p => p.BusinessId == businessId && p.Sku == normalized && p.Active, cancellationToken);
        if (product is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new CartResult(CartOutcome.UnknownProduct, await ViewAsync(db, contactId, cart, cancellationToken), normalized);
        }

        var item = await db.CartItems.FirstOrDefaultAsync(i => i.CartId == cartId && i.ProductId == product.Id, cancellationToken);
        var current = item?.Quantity ?? 0;
        var wanted = newQuantity(current);
        if (wanted == 0 && item is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new CartResult(CartOutcome.NotInCart, await ViewAsync(db, contactId, cart, cancellationToken), normalized);
        }

        if (wanted > ICartService.MaxLineQuantity)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new CartResult(CartOutcome.InvalidQuantity, await ViewAsync(db, contactId, cart, cancellationToken), normalized);
        }

        // Also when lowering: 6 of 30 when 5 are left would still fail at checkout, so the customer hears it now.
        // A dish the owner marked sold out today has none to sell, whatever the count says.
        var available = product.SoldOutUntil > now ? 0 : product.Stock;
        if (wanted > available)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new CartResult(CartOutcome.OutOfStock, await ViewAsync(db, contactId, cart, cancellationToken), normalized, available);
        }

        if (wanted == 0)
        {
            db.CartItems.Remove(item!);
        }
        else if (item is null)
        {
            var last = await db.CartItems.Where(i => i.CartId == cartId).MaxAsync(i => (int?)i.Position, cancellationToken);
            db.CartItems.Add(new CartItem { CartId = cartId, ProductId = product.Id, Quantity = wanted, Position = (last ?? 0) + 1, AddedAt = now });
        }
        else
        {
            item.Quantity = wanted;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CartResult(CartOutcome.Updated, await ViewAsync(db, contactId, cart, cancellationToken), normalized);
    }

    private async Task<CartResult> RefuseAsync(string businessId, string contactId, CartOutcome outcome, string sku, CancellationToken cancellationToken) =>
        new(outcome, await GetAsync(businessId, contactId, cancellationToken), Skus.Normalize(sku));

    /// <summary>The contact's cart id, creating the cart on first use (the unique index settles a race).</summary>
    private async Task<string> EnsureCartAsync(string businessId, string contactId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var id = await db.Carts.Where(c => c.ContactId == contactId).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is not null)
            {
                return id;
            }

            var now = Now();
            var cart = new Cart { Id = Ids.New(), BusinessId = businessId, ContactId = contactId, CreatedAt = now, UpdatedAt = now };
            db.Carts.Add(cart);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return cart.Id;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                // Created by a concurrent request: read it on the next pass.
            }
        }
    }

    internal static async Task<CartView> ViewAsync(CommerceDbContext db, string contactId, Cart? cart, CancellationToken cancellationToken)
    {
        if (cart is null)
        {
            return new CartView(null, contactId, [], null);
        }

        var rows = await (
                from item in db.CartItems.AsNoTracking()
                join product in db.Products.AsNoTracking() on item.ProductId equals product.Id
                where item.CartId == cart.Id
                orderby item.Position
                select new { item.ProductId, product.Sku, product.NamesJson, product.PriceKobo, item.Quantity, product.Stock })
            .ToListAsync(cancellationToken);
        var lines = rows.Select(r => new CartLine(r.ProductId, r.Sku,
                new LocalizedNames(Json.Read(r.NamesJson, new Dictionary<string, string>())), r.PriceKobo, r.Quantity, r.Stock))
            .ToList();
        return new CartView(cart.Id, contactId, lines, cart.UpdatedAt);
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
