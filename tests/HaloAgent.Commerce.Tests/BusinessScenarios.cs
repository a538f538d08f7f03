using System.Net;
using System.Text.Json;
using HaloAgent.Commerce.Apis;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Commerce.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Commerce.Tests;

public abstract class BusinessScenarios(TestDatabase database) : CommerceTest(database)
{
    [Fact]
    public async Task The_demo_business_is_seeded_with_its_settings()
    {
        var business = (await Host.Get<IBusinessDirectory>().GetAsync(BusinessId, default))!;

        business.Slug.ShouldBe(DemoBusinessSeeder.DemoSlug);
        business.Name.ShouldBe("Mama Nkechi's Kitchen");
        business.Languages.ShouldBe(["en", "pcm", "yo", "ig", "ha"]);
        business.DefaultLanguage.ShouldBe("en");
        business.DeliveryZones.ShouldContain(new DeliveryZone("Lekki", 350_000));
        business.FindZone(" yaba ")!.FeeKobo.ShouldBe(150_000);
        business.FindZone("Kano").ShouldBeNull();
        business.OpeningHours["sun"].ShouldBe("12:00-20:00");
        business.PickupAddress.ShouldBe(DemoBusinessSeeder.DemoPickupAddress);
        business.Hours.IsOpen(new DateTimeOffset(2026, 12, 13, 11, 0, 0, TimeSpan.Zero)).ShouldBeTrue("Sunday 12:00 in Lagos");
        business.Bank.ShouldNotBeNull().AccountName.ShouldBe("Mama Nkechi's Kitchen");
        business.OrderPrefix.ShouldBe("MNK");
        business.TemplateLanguageFallback.ShouldBe("en");
        business.WhatsAppPhoneNumberId.ShouldBeNull();
        business.WhatsAppAccessToken.ShouldBeNull();
    }

    [Fact]
    public async Task Seeding_again_keeps_the_owners_edits_and_takes_whatsapp_credentials_from_configuration()
    {
        var seeder = Host.Get<DemoBusinessSeeder>();
        await Host.Get<ICatalogService>().SetStockAsync(BusinessId, "SUYA", 3, default);

        await seeder.SeedAsync("109876543210", "EAAG-token", default);
        await seeder.SeedAsync(null, null, default);

        var directory = Host.Get<IBusinessDirectory>();
        var business = (await directory.FindByWhatsAppPhoneNumberIdAsync("109876543210", default))!;
        business.Id.ShouldBe(BusinessId);
        business.WhatsAppAccessToken.ShouldBe("EAAG-token");
        (await directory.ListAsync(default)).Count.ShouldBe(1);
        (await Host.Get<ICatalogService>().FindBySkuAsync(BusinessId, "SUYA", default))!.Stock.ShouldBe(3);
        (await Host.Get<ICatalogService>().ListAsync(BusinessId, false, default)).Count.ShouldBe(DemoCatalog.Products.Count);
        (await directory.FindBySlugAsync("MAMA-NKECHI-KITCHEN", default))!.Id.ShouldBe(BusinessId);
        (await directory.FindByWhatsAppPhoneNumberIdAsync("000", default)).ShouldBeNull();
    }

    [Fact]
    public async Task Every_mapped_table_and_column_exists_after_the_migrations()
    {
        await using var db = await Host.DbAsync();

        // Selecting whole rows reads every mapped column: a column the model has and the migration lacks fails here.
        await db.Businesses.ToListAsync();
        await db.Contacts.ToListAsync();
        await db.ConversationMemory.ToListAsync();
        await db.Products.ToListAsync();
        await db.Carts.ToListAsync();
        await db.CartItems.ToListAsync();
        await db.Orders.ToListAsync();
        await db.OrderItems.ToListAsync();
        await db.OrderStatusChanges.ToListAsync();
        await db.OrderCounters.ToListAsync();
        await db.Escalations.ToListAsync();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Stock_cannot_go_negative_even_bypassing_the_services()
    {
        await using var db = await Host.DbAsync();

        await Should.ThrowAsync<Exception>(() =>
            db.Products.Where(p => p.Sku == "ZOBO").ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, -1)));
    }

    [Fact]
    public async Task A_database_with_only_the_first_migration_keeps_its_business_and_gets_the_new_settings()
    {
        await using var host = await CommerceHost.StartAsync(Database, seed: false);
        await using (var db = await host.DbAsync())
        {
            // Start over at the previous schema, as an existing installation would be.
            await db.GetService<IMigrator>().MigrateAsync("0");
            await db.GetService<IMigrator>().MigrateAsync("20261122000100_CommerceInitial");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO businesses (id, slug, name, languages, created_at) VALUES ('b1', 'old-shop', 'Old Shop', 'en,yo', 1)");
            await db.Database.MigrateAsync();
        }

        var business = (await host.Get<IBusinessDirectory>().FindBySlugAsync("old-shop", default))!;
        business.Languages.ShouldBe(["en", "yo"]);
        business.DeliveryZones.ShouldBeEmpty();
        business.DefaultLanguage.ShouldBe("en");
        business.OrderPrefix.ShouldBe("OS");
    }

    [Fact]
    public async Task The_public_api_lists_businesses_and_menus_with_kobo_and_naira()
    {
        await using var app = await StartApiAsync();
        var client = app.GetTestClient();

        var list = await client.GetAsync("/api/public/businesses");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listJson = await list.Content.ReadAsStringAsync();
        listJson.ShouldNotContain("token", Case.Insensitive);
        listJson.ShouldNotContain("5012345678");
        using var businesses = JsonDocument.Parse(listJson);
        var demo = businesses.RootElement.EnumerateArray().Single();
        demo.GetProperty("slug").GetString().ShouldBe(DemoBusinessSeeder.DemoSlug);
        var lekki = demo.GetProperty("deliveryZones").EnumerateArray().Single(z => z.GetProperty("name").GetString() == "Lekki");
        lekki.GetProperty("feeKobo").GetInt64().ShouldBe(350_000);
        lekki.GetProperty("fee").GetString().ShouldBe("₦3,500");

        using var menu = JsonDocument.Parse(await client.GetStringAsync($"/api/public/businesses/{DemoBusinessSeeder.DemoSlug}/catalog"));
        var products = menu.RootElement.GetProperty("products").EnumerateArray().ToList();
        products.Count.ShouldBe(DemoCatalog.Products.Count);
        var jollof = products.Single(p => p.GetProperty("sku").GetString() == "JOLLOF-RICE");
        jollof.GetProperty("priceKobo").GetInt64().ShouldBe(350_000);
        jollof.GetProperty("price").GetString().ShouldBe("₦3,500");
        jollof.GetProperty("name").GetString().ShouldBe("Jollof rice & chicken");
        jollof.GetProperty("available").GetBoolean().ShouldBeTrue();
        jollof.TryGetProperty("stock", out _).ShouldBeFalse();

        using var hausa = JsonDocument.Parse(await client.GetStringAsync($"/api/public/businesses/{DemoBusinessSeeder.DemoSlug}/catalog?language=ha"));
        var suya = hausa.RootElement.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("sku").GetString() == "SUYA");
        suya.GetProperty("name").GetString().ShouldBe("Tsiren nama");
        suya.GetProperty("price").GetString()!.ShouldStartWith("₦");
        suya.GetProperty("price").GetString()!.ShouldEndWith(" 1,500");

        var missing = await client.GetAsync("/api/public/businesses/nowhere/catalog");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task Sold_out_and_inactive_products_show_as_such_in_the_showcase()
    {
        await Host.Get<ICatalogService>().SetStockAsync(BusinessId, "ZOBO", 0, default);
        await Host.Get<ICatalogService>().UpsertAsync(BusinessId, DemoCatalog.Products.Single(p => p.Sku == "MALT") with { Active = false }, default);
        await using var app = await StartApiAsync();

        using var menu = JsonDocument.Parse(await app.GetTestClient().GetStringAsync($"/api/public/businesses/{DemoBusinessSeeder.DemoSlug}/catalog"));
        var products = menu.RootElement.GetProperty("products").EnumerateArray().ToList();
        products.Single(p => p.GetProperty("sku").GetString() == "ZOBO").GetProperty("available").GetBoolean().ShouldBeFalse();
        products.ShouldNotContain(p => p.GetProperty("sku").GetString() == "MALT");
    }

    private async Task<WebApplication> StartApiAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(Host.Get<IBusinessDirectory>());
        builder.Services.AddSingleton(Host.Get<ICatalogService>());
        var app = builder.Build();
        app.MapCommercePublicApi();
        await app.StartAsync();
        return app;
    }
}

public sealed class SqliteBusinessTests() : BusinessScenarios(TestDatabase.Sqlite);

public sealed class PostgresBusinessTests() : BusinessScenarios(TestDatabase.Postgres);
