using System.Globalization;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HaloAgent.Commerce.Orders;

internal sealed class OrderService(IDbContextFactory<CommerceDbContext> factory, TimeProvider clock) : IOrderService
{
    private const int MaxAddressLength = 500;
    private const int MaxStatusAttempts = 10;

    public async Task<OrderResult> QuoteAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (refusal, zone, address) = await CheckFulfilmentAsync(db, request, cancellationToken);
        if (refusal is not null)
        {
            return new OrderResult(refusal.Value);
        }

        var lines = await CartLinesAsync(db, request.BusinessId, request.ContactId, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        if (lines.Count == 0)
        {
            return new OrderResult(OrderOutcome.EmptyCart);
        }

        var quote = Price(lines, request.Fulfilment, zone, address);
        var shortages = lines.Where(l => !l.Active || l.Stock < l.Quantity)
            .Select(l => new StockShortage(l.Sku, l.Quantity, l.Active ? l.Stock : 0)).ToList();
        return shortages.Count > 0
            ? new OrderResult(OrderOutcome.OutOfStock, Quote: quote, Shortages: shortages)
            : new OrderResult(OrderOutcome.Created, Quote: quote);
    }

    public async Task<OrderResult> CreateFromCartAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        if (await FindByIdempotencyKeyAsync(request, cancellationToken) is { } earlier)
        {
            return new OrderResult(OrderOutcome.AlreadyCreated, earlier);
        }

        try
        {
            return await CreateOnceAsync(request, cancellationToken);
        }
        catch (DbUpdateException e) when (request.IdempotencyKey is not null && DbErrors.IsUniqueViolation(e))
        {
            // The same step ran twice at the same moment (two nodes): the other one made the order.
            var existing = await FindByIdempotencyKeyAsync(request, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            return new OrderResult(OrderOutcome.AlreadyCreated, existing);
        }
    }

    private async Task<OrderResult> CreateOnceAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (refusal, zone, address) = await CheckFulfilmentAsync(db, request, cancellationToken);
        if (refusal is not null)
        {
            return new OrderResult(refusal.Value);
        }

        var business = await db.Businesses.AsNoTracking().SingleAsync(b => b.Id == request.BusinessId, cancellationToken);
        var cartId = await db.Carts.Where(c => c.ContactId == request.ContactId && c.BusinessId == request.BusinessId)
            .Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (cartId is null)
        {
            return new OrderResult(OrderOutcome.EmptyCart);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Lock the cart: a second confirmation of the same cart waits here, then finds it empty (or, with the same
        // idempotency key, finds the order the first one made).
        await db.Carts.Where(c => c.Id == cartId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, c => c.UpdatedAt), cancellationToken);
        if (request.IdempotencyKey is not null && await db.Orders.AnyAsync(o => o.BusinessId == request.BusinessId && o.IdempotencyKey == request.IdempotencyKey, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderResult(OrderOutcome.AlreadyCreated, await FindByIdempotencyKeyAsync(request, cancellationToken));
        }

        var lines = await CartLinesAsync(db, request.BusinessId, request.ContactId, now, cancellationToken);
        if (lines.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderResult(OrderOutcome.EmptyCart);
        }

        // Reserve stock with conditional updates, in product id order so concurrent orders lock rows in the same
        // order (no deadlocks). PostgreSQL re-checks "stock >= q" on the row as the previous holder committed it,
        // so however many orders race for the last units, stock never goes below zero.
        // A test run's order is checked against the stock but takes none: the units stay sellable to real customers
        // while the run lasts, and nothing has to be given back when it ends (or if it is never cleaned up).
        var sandbox = await SandboxContacts.IsSandboxAsync(db, request.ContactId, cancellationToken);
        var shortages = new List<StockShortage>();
        foreach (var line in lines.OrderBy(l => l.ProductId, StringComparer.Ordinal))
        {
            var quantity = line.Quantity;
            var enough = db.Products.Where(p => p.Id == line.ProductId && p.Active && (p.SoldOutUntil == null || p.SoldOutUntil <= now) && p.Stock >= quantity);
            var reserved = sandbox
                ? (await enough.AnyAsync(cancellationToken) ? 1 : 0)
                : await enough.ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock - quantity).SetProperty(p => p.UpdatedAt, now), cancellationToken);
            if (reserved == 0)
            {
                var available = await db.Products.Where(p => p.Id == line.ProductId)
                    .Select(p => p.Active && (p.SoldOutUntil == null || p.SoldOutUntil <= now) ? p.Stock : 0).FirstAsync(cancellationToken);
                shortages.Add(new StockShortage(line.Sku, quantity, available));
            }
        }

        var quote = Price(lines, request.Fulfilment, zone, address);
        if (shortages.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderResult(OrderOutcome.OutOfStock, Quote: quote, Shortages: shortages);
        }

        // A test run's orders are numbered apart (TEST-MNK-0001, ...): the business's own numbers keep no gaps, and the
        // designer sees at a glance that the order is a test.
        var number = await NextNumberAsync(db, sandbox ? SandboxCounterPrefix + request.BusinessId : request.BusinessId, cancellationToken);
        var order = new Order
        {
            Id = Ids.New(),
            BusinessId = request.BusinessId,
            ContactId = request.ContactId,
            Number = (sandbox ? SandboxContacts.OrderNumberPrefix : "") + FormatNumber(BusinessProfiles.OrderPrefixFor(business), number),
            Status = OrderStatus.PendingPayment,
            Fulfilment = request.Fulfilment,
            DeliveryZone = quote.DeliveryZone,
            DeliveryAddress = quote.DeliveryAddress,
            SubtotalKobo = quote.SubtotalKobo,
            DeliveryFeeKobo = quote.DeliveryFeeKobo,
            TotalKobo = quote.TotalKobo,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            IdempotencyKey = request.IdempotencyKey,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Orders.Add(order);
        var lineNumber = 0;
        foreach (var line in lines)
        {
            db.OrderItems.Add(new OrderItem
            {
                OrderId = order.Id,
                Line = ++lineNumber,
                ProductId = line.ProductId,
                Sku = line.Sku,
                NamesJson = line.NamesJson,
                UnitPriceKobo = line.UnitPriceKobo,
                Quantity = line.Quantity,
                LineTotalKobo = line.UnitPriceKobo * line.Quantity,
            });
        }

        db.OrderStatusChanges.Add(new OrderStatusChange
        {
            OrderId = order.Id, Sequence = order.Version, FromStatus = null, ToStatus = OrderStatus.PendingPayment, Actor = "customer", Note = "confirmed", At = now,
        });
        await db.CartItems.Where(i => i.CartId == cartId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OrderResult(OrderOutcome.Created, await LoadAsync(db, order.Id, cancellationToken));
    }

    public async Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, orderId, cancellationToken);
    }

    public async Task<OrderView?> FindByNumberAsync(string businessId, string number, CancellationToken cancellationToken)
    {
        var normalized = number.Trim().ToUpperInvariant();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var id = await db.Orders.Where(o => o.BusinessId == businessId && o.Number == normalized).Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await LoadAsync(db, id, cancellationToken);
    }

    public async Task<IReadOnlyList<OrderView>> ListForContactAsync(string businessId, string contactId, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Orders.Where(o => o.BusinessId == businessId && o.ContactId == contactId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Take(Math.Clamp(take, 1, 100)).Select(o => o.Id).ToListAsync(cancellationToken);
        var orders = new List<OrderView>(ids.Count);
        foreach (var id in ids)
        {
            orders.Add((await LoadAsync(db, id, cancellationToken))!);
        }

        return orders;
    }

    public async Task<StatusChangeResult> ChangeStatusAsync(string orderId, OrderStatus to, string actor, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
            if (order is null)
            {
                return new StatusChangeResult(StatusChangeOutcome.UnknownOrder, null);
            }

            if (order.Status == to)
            {
                return new StatusChangeResult(StatusChangeOutcome.Unchanged, await LoadAsync(db, orderId, cancellationToken));
            }

            if (!OrderTransitions.IsAllowed(order.Status, to, order.Fulfilment))
            {
                return new StatusChangeResult(StatusChangeOutcome.NotAllowed, await LoadAsync(db, orderId, cancellationToken));
            }

            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Orders.Where(o => o.Id == orderId && o.Version == order.Version)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, to)
                    .SetProperty(o => o.Version, o => o.Version + 1)
                    .SetProperty(o => o.UpdatedAt, now), cancellationToken);
            if (changed == 0)
            {
                // Someone changed it first (a payment and a cancel at once): decide again on what it is now.
                await transaction.RollbackAsync(cancellationToken);
                if (attempt >= MaxStatusAttempts)
                {
                    throw new DbUpdateConcurrencyException($"Order {orderId} kept changing; gave up after {attempt} attempts.");
                }

                continue;
            }

            db.OrderStatusChanges.Add(new OrderStatusChange
            {
                OrderId = orderId, Sequence = order.Version + 1, FromStatus = order.Status, ToStatus = to, Actor = actor.Trim(), Note = note, At = now,
            });

            if (to == OrderStatus.Cancelled && !await SandboxContacts.IsSandboxAsync(db, order.ContactId, cancellationToken))
            {
                // A sandbox order reserved nothing, so it gives nothing back.
                await ReleaseStockAsync(db, orderId, now, cancellationToken);
            }
            else if (to == OrderStatus.Completed)
            {
                var points = Loyalty.PointsFor(order.SubtotalKobo);
                await db.Contacts.Where(c => c.Id == order.ContactId)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(c => c.OrderCount, c => c.OrderCount + 1)
                        .SetProperty(c => c.LoyaltyPoints, c => c.LoyaltyPoints + points)
                        .SetProperty(c => c.UpdatedAt, now), cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new StatusChangeResult(StatusChangeOutcome.Changed, await LoadAsync(db, orderId, cancellationToken));
        }
    }

    private const string SandboxCounterPrefix = "sandbox:";

    internal static string FormatNumber(string prefix, long number) =>
        prefix + "-" + number.ToString("D4", CultureInfo.InvariantCulture);

    private static async Task ReleaseStockAsync(CommerceDbContext db, string orderId, long now, CancellationToken cancellationToken)
    {
        var items = await db.OrderItems.AsNoTracking().Where(i => i.OrderId == orderId).ToListAsync(cancellationToken);
        foreach (var item in items.OrderBy(i => i.ProductId, StringComparer.Ordinal))
        {
            var quantity = item.Quantity;
            await db.Products.Where(p => p.Id == item.ProductId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock + quantity).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        }
    }

    /// <summary>
    /// The next number for the business, from a counter row that the INSERT ... ON CONFLICT ... RETURNING creates
    /// or increments atomically. The row stays locked until the order commits, so numbers are unique under any
    /// concurrency (and a rolled-back order gives its number back).
    /// </summary>
    private static async Task<long> NextNumberAsync(CommerceDbContext db, string businessId, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText =
            "INSERT INTO order_counters (business_id, last_number) VALUES (@business_id, 1) " +
            "ON CONFLICT (business_id) DO UPDATE SET last_number = order_counters.last_number + 1 " +
            "RETURNING last_number";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@business_id";
        parameter.Value = businessId;
        command.Parameters.Add(parameter);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    private static async Task<(OrderOutcome? Refusal, DeliveryZone? Zone, string? Address)> CheckFulfilmentAsync(
        CommerceDbContext db, OrderRequest request, CancellationToken cancellationToken)
    {
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == request.BusinessId, cancellationToken);
        if (business is null)
        {
            return (OrderOutcome.UnknownBusiness, null, null);
        }

        if (request.Fulfilment == Fulfilment.Pickup)
        {
            return (null, null, null);
        }

        var zone = BusinessProfiles.From(business).FindZone(request.DeliveryZone);
        if (zone is null)
        {
            return (OrderOutcome.UnknownZone, null, null);
        }

        var address = request.DeliveryAddress?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            return (OrderOutcome.AddressRequired, zone, null);
        }

        return (null, zone, address.Length <= MaxAddressLength ? address : address[..MaxAddressLength]);
    }

    private static OrderQuote Price(IReadOnlyList<PricedLine> lines, Fulfilment fulfilment, DeliveryZone? zone, string? address)
    {
        var orderLines = lines.Select(l => new OrderLine(l.Sku, Names(l.NamesJson), l.UnitPriceKobo, l.Quantity, l.UnitPriceKobo * l.Quantity)).ToList();
        var subtotal = orderLines.Sum(l => l.LineTotalKobo);
        return fulfilment == Fulfilment.Delivery
            ? new OrderQuote(orderLines, fulfilment, zone?.Name, address, subtotal, zone?.FeeKobo ?? 0)
            : new OrderQuote(orderLines, fulfilment, null, null, subtotal, 0);
    }

    /// <summary>A line's product counts as inactive while the owner has it marked sold out.</summary>
    private static Task<List<PricedLine>> CartLinesAsync(CommerceDbContext db, string businessId, string contactId, long now, CancellationToken cancellationToken) =>
        (from cart in db.Carts.AsNoTracking()
         join item in db.CartItems.AsNoTracking() on cart.Id equals item.CartId
         join product in db.Products.AsNoTracking() on item.ProductId equals product.Id
         where cart.ContactId == contactId && cart.BusinessId == businessId
         orderby item.Position
         select new PricedLine(product.Id, product.Sku, product.NamesJson, product.PriceKobo, item.Quantity, product.Stock, product.Active && (product.SoldOutUntil == null || product.SoldOutUntil <= now)))
        .ToListAsync(cancellationToken);

    private async Task<OrderView?> FindByIdempotencyKeyAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is null)
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var id = await db.Orders.Where(o => o.BusinessId == request.BusinessId && o.IdempotencyKey == request.IdempotencyKey)
            .Select(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await LoadAsync(db, id, cancellationToken);
    }

    private static async Task<OrderView?> LoadAsync(CommerceDbContext db, string orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var items = await db.OrderItems.AsNoTracking().Where(i => i.OrderId == orderId).OrderBy(i => i.Line).ToListAsync(cancellationToken);
        var history = await db.OrderStatusChanges.AsNoTracking().Where(h => h.OrderId == orderId)
            .OrderBy(h => h.Sequence).ToListAsync(cancellationToken);
        return new OrderView(
            order.Id, order.BusinessId, order.ContactId, order.Number, order.Status, order.Fulfilment, order.DeliveryZone,
            order.DeliveryAddress,
            items.Select(i => new OrderLine(i.Sku, Names(i.NamesJson), i.UnitPriceKobo, i.Quantity, i.LineTotalKobo)).ToList(),
            order.SubtotalKobo, order.DeliveryFeeKobo, order.TotalKobo, order.Note, order.CreatedAt, order.UpdatedAt,
            history.Select(h => new OrderStatusEntry(h.FromStatus, h.ToStatus, h.Actor, h.Note, h.At)).ToList());
    }

    private static LocalizedNames Names(string json) => new(Json.Read(json, new Dictionary<string, string>()));

    private sealed record PricedLine(string ProductId, string Sku, string NamesJson, long UnitPriceKobo, int Quantity, int Stock, bool Active);
}
