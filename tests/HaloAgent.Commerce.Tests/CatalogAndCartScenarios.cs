using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Tests.Support;

namespace HaloAgent.Commerce.Tests;

public abstract class CatalogAndCartScenarios(TestDatabase database) : CommerceTest(database)
{
    private ICatalogService Catalog => Host.Get<ICatalogService>();

    private ICartService Carts => Host.Get<ICartService>();

    [Fact]
    public async Task The_demo_menu_is_seeded_with_names_aliases_prices_and_stock()
    {
        var menu = await Catalog.ListAsync(BusinessId, includeInactive: false, default);

        menu.Count.ShouldBe(DemoCatalog.Products.Count);
        menu.Select(p => p.Sku).ShouldBe(DemoCatalog.Products.Select(p => p.Sku), "menu order is seeding order");
        var jollof = menu.Single(p => p.Sku == "JOLLOF-RICE");
        jollof.PriceKobo.ShouldBe(350_000);
        jollof.Stock.ShouldBe(40);
        jollof.Names.For("yo").ShouldBe("Ìrẹsì jọ̀lọ́ọ̀fù pẹ̀lú adìẹ");
        jollof.Names.For("ha").ShouldStartWith("Shinkafa");
        jollof.Aliases.ShouldContain("party jollof");
        (await Catalog.FindBySkuAsync(BusinessId, "jollof-rice", default))!.Id.ShouldBe(jollof.Id);
    }

    [Fact]
    public async Task Upsert_replaces_by_sku_and_inactive_products_leave_the_menu()
    {
        var draft = new ProductDraft("akara", new Dictionary<string, string> { ["en"] = "Akara (5)", ["yo"] = "Àkàrà" }, ["akara", "bean cake"], 50_000, 10, "Snacks");
        var created = await Catalog.UpsertAsync(BusinessId, draft, default);
        var updated = await Catalog.UpsertAsync(BusinessId, draft with { PriceKobo = 60_000, Active = false }, default);

        updated.Id.ShouldBe(created.Id);
        updated.Sku.ShouldBe("AKARA");
        updated.PriceKobo.ShouldBe(60_000);
        (await Catalog.ListAsync(BusinessId, includeInactive: false, default)).ShouldNotContain(p => p.Sku == "AKARA");
        (await Catalog.ListAsync(BusinessId, includeInactive: true, default)).ShouldContain(p => p.Sku == "AKARA");
        Should.Throw<ArgumentException>(() => Catalog.UpsertAsync(BusinessId, draft with { Names = new Dictionary<string, string> { ["yo"] = "Àkàrà" } }, default));
        Should.Throw<ArgumentException>(() => Catalog.UpsertAsync(BusinessId, draft with { PriceKobo = -1 }, default));
        Should.Throw<ArgumentException>(() => Catalog.UpsertAsync(BusinessId, draft with { Names = new Dictionary<string, string> { ["en"] = "x", ["fr"] = "y" } }, default));
    }

    [Fact]
    public async Task A_cart_adds_accumulates_sets_removes_and_clears_with_totals_from_the_catalog()
    {
        var contact = await NewContactAsync();

        var added = await Carts.AddItemAsync(BusinessId, contact.Id, "JOLLOF-RICE", 2, default);
        added.Outcome.ShouldBe(CartOutcome.Updated);
        await Carts.AddItemAsync(BusinessId, contact.Id, "zobo", 1, default);
        var more = await Carts.AddItemAsync(BusinessId, contact.Id, "JOLLOF-RICE", 1, default);

        more.Cart.Lines.Select(l => (l.Sku, l.Quantity)).ShouldBe([("JOLLOF-RICE", 3), ("ZOBO", 1)]);
        more.Cart.SubtotalKobo.ShouldBe(3 * 350_000 + 70_000);
        more.Cart.ItemCount.ShouldBe(4);

        var set = await Carts.SetQuantityAsync(BusinessId, contact.Id, "ZOBO", 4, default);
        set.Cart.Lines.Single(l => l.Sku == "ZOBO").Quantity.ShouldBe(4);

        var removed = await Carts.RemoveItemAsync(BusinessId, contact.Id, "JOLLOF-RICE", default);
        removed.Cart.Lines.Select(l => l.Sku).ShouldBe(["ZOBO"]);

        var zero = await Carts.SetQuantityAsync(BusinessId, contact.Id, "ZOBO", 0, default);
        zero.Outcome.ShouldBe(CartOutcome.Updated);
        zero.Cart.IsEmpty.ShouldBeTrue();

        await Carts.AddItemAsync(BusinessId, contact.Id, "SUYA", 2, default);
        (await Carts.ClearAsync(BusinessId, contact.Id, default)).IsEmpty.ShouldBeTrue();
        (await Carts.GetAsync(BusinessId, contact.Id, default)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Expected_refusals_are_results_and_leave_the_cart_as_it_was()
    {
        var contact = await NewContactAsync();
        await Carts.AddItemAsync(BusinessId, contact.Id, "CHAPMAN", 30, default);

        var tooMany = await Carts.AddItemAsync(BusinessId, contact.Id, "CHAPMAN", 11, default);
        tooMany.Outcome.ShouldBe(CartOutcome.OutOfStock);
        tooMany.Available.ShouldBe(40);
        tooMany.Sku.ShouldBe("CHAPMAN");
        tooMany.Succeeded.ShouldBeFalse();
        tooMany.Cart.Lines.Single().Quantity.ShouldBe(30);

        (await Carts.AddItemAsync(BusinessId, contact.Id, "SHAWARMA", 1, default)).Outcome.ShouldBe(CartOutcome.UnknownProduct);
        (await Carts.AddItemAsync(BusinessId, contact.Id, "CHAPMAN", 0, default)).Outcome.ShouldBe(CartOutcome.InvalidQuantity);
        (await Carts.AddItemAsync(BusinessId, contact.Id, "CHAPMAN", -3, default)).Outcome.ShouldBe(CartOutcome.InvalidQuantity);
        (await Carts.SetQuantityAsync(BusinessId, contact.Id, "CHAPMAN", 100_000, default)).Outcome.ShouldBe(CartOutcome.InvalidQuantity);
        (await Carts.RemoveItemAsync(BusinessId, contact.Id, "ZOBO", default)).Outcome.ShouldBe(CartOutcome.NotInCart);

        await Catalog.SetStockAsync(BusinessId, "CHAPMAN", 5, default);
        (await Carts.SetQuantityAsync(BusinessId, contact.Id, "CHAPMAN", 6, default)).Outcome.ShouldBe(CartOutcome.OutOfStock);
        (await Carts.SetQuantityAsync(BusinessId, contact.Id, "CHAPMAN", 4, default)).Outcome.ShouldBe(CartOutcome.Updated, "within stock again");

        var current = await Carts.GetAsync(BusinessId, contact.Id, default);
        current.Lines.Single().Quantity.ShouldBe(4);
    }

    [Fact]
    public async Task Inactive_products_cannot_be_added()
    {
        var contact = await NewContactAsync();
        var malt = DemoCatalog.Products.Single(p => p.Sku == "MALT");
        await Catalog.UpsertAsync(BusinessId, malt with { Active = false }, default);

        (await Carts.AddItemAsync(BusinessId, contact.Id, "MALT", 1, default)).Outcome.ShouldBe(CartOutcome.UnknownProduct);
    }

    [Fact]
    public async Task Updated_at_tracks_the_last_change_and_idle_carts_with_items_are_found()
    {
        var idle = await NewContactAsync();
        var busy = await NewContactAsync();
        var emptied = await NewContactAsync();
        var start = Host.Now;
        await Carts.AddItemAsync(BusinessId, idle.Id, "SUYA", 1, default);
        await Carts.AddItemAsync(BusinessId, emptied.Id, "SUYA", 1, default);
        await Carts.RemoveItemAsync(BusinessId, emptied.Id, "SUYA", default);

        Host.Clock.Advance(TimeSpan.FromMinutes(45));
        var changed = await Carts.AddItemAsync(BusinessId, busy.Id, "DODO", 1, default);
        changed.Cart.UpdatedAt.ShouldBe(Host.Now);
        (await Carts.GetAsync(BusinessId, idle.Id, default)).UpdatedAt.ShouldBe(start);

        var idleSince = Host.Now - (long)TimeSpan.FromMinutes(30).TotalMilliseconds;
        (await Carts.ListIdleAsync(BusinessId, idleSince, default)).ShouldBe([idle.Id]);
    }

    [Fact]
    public async Task Parallel_adds_to_one_cart_all_count()
    {
        var contact = await NewContactAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Carts.AddItemAsync(BusinessId, contact.Id, "PUFF-PUFF", 2, default))));

        results.ShouldAllBe(r => r.Outcome == CartOutcome.Updated);
        (await Carts.GetAsync(BusinessId, contact.Id, default)).Lines.Single().Quantity.ShouldBe(20);
    }
}

public sealed class SqliteCatalogAndCartTests() : CatalogAndCartScenarios(TestDatabase.Sqlite);

public sealed class PostgresCatalogAndCartTests() : CatalogAndCartScenarios(TestDatabase.Postgres);
