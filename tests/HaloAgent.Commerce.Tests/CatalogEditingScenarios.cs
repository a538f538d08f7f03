using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Tests.Support;

namespace HaloAgent.Commerce.Tests;

/// <summary>
/// The owner's edits reach what the agent reads (the menu list, carts, orders) on the very next call: there is no
/// cache to go stale. "Sold out today" ends at the next midnight in Lagos by the clock alone.
/// </summary>
public abstract class CatalogEditingScenarios(TestDatabase database) : CommerceTest(database)
{
    private ICatalogService Catalog => Host.Get<ICatalogService>();

    private ICartService Carts => Host.Get<ICartService>();

    private IOrderService Orders => Host.Get<IOrderService>();

    [Fact]
    public async Task A_price_change_and_a_new_dish_are_what_the_agent_reads_next()
    {
        (await Catalog.ListAsync(BusinessId, includeInactive: false, default)).Single(p => p.Sku == "SUYA").PriceKobo.ShouldBe(1_500_00, "read once before the change");

        (await Catalog.EditAsync(BusinessId, "suya", new ProductEdit { PriceKobo = 1_800_00 }, default)).Outcome.ShouldBe(CatalogChangeOutcome.Updated);
        var added = await Catalog.AddAsync(BusinessId, new ProductDraft("",
            new Dictionary<string, string> { ["en"] = "Efo riro", ["yo"] = "Ẹ̀fọ́ rírò" }, [], 4_000_00, 10, "Soups"), default);

        added.Outcome.ShouldBe(CatalogChangeOutcome.Created);
        added.Sku.ShouldBe("EFO-RIRO");
        var menu = await Catalog.ListAsync(BusinessId, includeInactive: false, default);
        menu.Single(p => p.Sku == "SUYA").PriceKobo.ShouldBe(1_800_00);
        menu.Single(p => p.Sku == "EFO-RIRO").Names.For("yo").ShouldBe("Ẹ̀fọ́ rírò");
        var contact = await NewContactAsync();
        (await Carts.AddItemAsync(BusinessId, contact.Id, "SUYA", 2, default)).Cart.SubtotalKobo.ShouldBe(2 * 1_800_00);
        (await Carts.AddItemAsync(BusinessId, contact.Id, "EFO-RIRO", 1, default)).Outcome.ShouldBe(CartOutcome.Updated);
        (await Catalog.AddAsync(BusinessId, new ProductDraft("efo-riro", new Dictionary<string, string> { ["en"] = "Other" }, [], 1, 1), default))
            .Outcome.ShouldBe(CatalogChangeOutcome.DuplicateSku);
        (await Catalog.EditAsync(BusinessId, "NO-SUCH", new ProductEdit { PriceKobo = 1 }, default)).Outcome.ShouldBe(CatalogChangeOutcome.NotFound);
        await Should.ThrowAsync<ArgumentException>(() => Catalog.EditAsync(BusinessId, "SUYA", new ProductEdit { PriceKobo = -1 }, default));
    }

    [Fact]
    public async Task A_dish_sold_out_today_cannot_be_added_or_ordered_until_midnight_in_Lagos()
    {
        // 22:30 in Lagos: the mark must end at midnight, in 90 minutes, not a day later.
        Host.Clock.Set(new DateTimeOffset(2026, 12, 3, 21, 30, 0, TimeSpan.Zero));
        var early = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, early.Id, "JOLLOF-RICE", 1, default);

        var marked = await Catalog.EditAsync(BusinessId, "JOLLOF-RICE", new ProductEdit { SoldOutToday = true }, default);

        marked.After!.SoldOutUntil.ShouldBe(new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero));
        marked.After.InStock.ShouldBeFalse();
        marked.After.Available.ShouldBe(0);
        marked.After.Stock.ShouldBe(40, "the count is kept");
        var listed = (await Catalog.ListAsync(BusinessId, includeInactive: false, default)).Single(p => p.Sku == "JOLLOF-RICE");
        listed.SoldOut.ShouldBeTrue("still on the menu list, so the agent can say it is sold out rather than unknown");
        var late = await NewContactAsync();
        var refused = await Carts.AddItemAsync(BusinessId, late.Id, "JOLLOF-RICE", 1, default);
        refused.Outcome.ShouldBe(CartOutcome.OutOfStock);
        refused.Available.ShouldBe(0);
        var order = await Orders.CreateFromCartAsync(new OrderRequest(BusinessId, early.Id, Fulfilment.Pickup), default);
        order.Outcome.ShouldBe(OrderOutcome.OutOfStock, "a cart filled before the mark cannot check it out");
        order.Shortages!.Single().Available.ShouldBe(0);

        Host.Clock.Set(new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero));
        (await Catalog.FindBySkuAsync(BusinessId, "JOLLOF-RICE", default))!.SoldOut.ShouldBeFalse("a new business day");
        (await Carts.AddItemAsync(BusinessId, late.Id, "JOLLOF-RICE", 1, default)).Outcome.ShouldBe(CartOutcome.Updated);
        (await Orders.CreateFromCartAsync(new OrderRequest(BusinessId, early.Id, Fulfilment.Pickup), default)).Outcome.ShouldBe(OrderOutcome.Created);
    }

    [Fact]
    public async Task Sold_out_can_be_undone_the_same_day_and_categories_renamed()
    {
        await Catalog.EditAsync(BusinessId, "ZOBO", new ProductEdit { SoldOutToday = true }, default);
        var undone = await Catalog.EditAsync(BusinessId, "ZOBO", new ProductEdit { SoldOutToday = false }, default);

        undone.Before!.SoldOut.ShouldBeTrue();
        undone.After!.SoldOut.ShouldBeFalse();
        undone.After.InStock.ShouldBeTrue();
        (await Catalog.RenameCategoryAsync(BusinessId, "Drinks", "Cold drinks", default)).ShouldBe(4);
        (await Catalog.FindBySkuAsync(BusinessId, "ZOBO", default))!.Category.ShouldBe("Cold drinks");
    }
}

public sealed class SqliteCatalogEditingTests() : CatalogEditingScenarios(TestDatabase.Sqlite);

public sealed class PostgresCatalogEditingTests() : CatalogEditingScenarios(TestDatabase.Postgres);
