using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Payments.References;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>The catalog with its low-stock flag, sales statistics, and the designer's template list and preview.</summary>
public sealed class DashboardCatalogStatsTemplatesTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;
    private string _businessId = "";

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["HaloAgent:Dashboard:LowStockThreshold"] = "10",
        });
        _businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_catalog_flags_products_at_or_below_the_configured_stock_threshold()
    {
        var catalog = _factory.Services.GetRequiredService<ICatalogService>();
        (await catalog.SetStockAsync(_businessId, "SUYA", 10, default)).ShouldBeTrue();
        (await catalog.SetStockAsync(_businessId, "MALT", 0, default)).ShouldBeTrue();
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);

        var items = await GetAsync<JsonArray>(marketer, "/api/catalog");
        items.Count.ShouldBe(DemoCatalog.Products.Count);
        var suya = Item(items, "SUYA");
        suya["name"]!.GetValue<string>().ShouldBe("Beef suya (wrap)");
        suya["category"]!.GetValue<string>().ShouldBe("Grills");
        suya["priceKobo"]!.GetValue<long>().ShouldBe(1_500_00);
        suya["stock"]!.GetValue<int>().ShouldBe(10);
        suya["available"]!.GetValue<bool>().ShouldBeTrue();
        suya["lowStock"]!.GetValue<bool>().ShouldBeTrue();
        var malt = Item(items, "MALT");
        malt["available"]!.GetValue<bool>().ShouldBeFalse();
        malt["lowStock"]!.GetValue<bool>().ShouldBeTrue();
        Item(items, "WATER")["lowStock"]!.GetValue<bool>().ShouldBeFalse();
        (await _factory.CreateClient().GetAsync("/api/catalog")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sales_count_todays_paid_orders_only_and_name_the_best_sellers()
    {
        var ada = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348033330001", "Ada");
        var bola = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348033330002", "Bola");
        var orders = _factory.Services.GetRequiredService<IOrderService>();
        var paid = await DashboardSeed.OrderAsync(_factory.Services, _businessId, ada.Id, "JOLLOF-RICE", 2);
        (await orders.ChangeStatusAsync(paid.Id, OrderStatus.Paid, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        var preparedUnpaid = await DashboardSeed.OrderAsync(_factory.Services, _businessId, ada.Id, "SUYA", 3);
        (await orders.ChangeStatusAsync(preparedUnpaid.Id, OrderStatus.Preparing, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        var payments = _factory.Services.GetRequiredService<IPaymentService>();
        await payments.OpenAsync(preparedUnpaid, PaymentMethod.PayOnDelivery, _factory.Services.GetRequiredService<PaymentReferenceGenerator>().Next, default);
        var paidOnDelivery = await DashboardSeed.OrderAsync(_factory.Services, _businessId, bola.Id, "SUYA", 1);
        var cod = await payments.OpenAsync(paidOnDelivery, PaymentMethod.PayOnDelivery, _factory.Services.GetRequiredService<PaymentReferenceGenerator>().Next, default);
        (await orders.ChangeStatusAsync(paidOnDelivery.Id, OrderStatus.Preparing, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        (await payments.ConfirmAsync(_businessId, cod.Id, new Confirmation("test", "cash"), default)).Succeeded.ShouldBeTrue();
        await DashboardSeed.OrderAsync(_factory.Services, _businessId, bola.Id, "PUFF-PUFF", 4, address: null); // not paid
        var cancelled = await DashboardSeed.OrderAsync(_factory.Services, _businessId, bola.Id, "ZOBO", 5, address: null);
        (await orders.ChangeStatusAsync(cancelled.Id, OrderStatus.Paid, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        (await orders.ChangeStatusAsync(cancelled.Id, OrderStatus.Cancelled, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);

        var stats = await GetAsync<JsonObject>(agent, "/api/stats/sales?days=3");
        stats["days"]!.GetValue<int>().ShouldBe(3);
        stats["totalOrders"]!.GetValue<int>().ShouldBe(2);
        stats["totalRevenueKobo"]!.GetValue<long>().ShouldBe(paid.TotalKobo + paidOnDelivery.TotalKobo);
        var points = stats["points"]!.AsArray();
        points.Count.ShouldBe(3);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        points[2]!["date"]!.GetValue<string>().ShouldBe(today);
        points[2]!["orders"]!.GetValue<int>().ShouldBe(2);
        points[2]!["revenueKobo"]!.GetValue<long>().ShouldBe(paid.TotalKobo + paidOnDelivery.TotalKobo);
        points[0]!["orders"]!.GetValue<int>().ShouldBe(0);
        var top = stats["topProducts"]!.AsArray();
        top.Select(t => t!["sku"]!.GetValue<string>()).ShouldBe(["JOLLOF-RICE", "SUYA"]);
        top[0]!["quantity"]!.GetValue<int>().ShouldBe(2);
        top[0]!["name"]!.GetValue<string>().ShouldBe("Jollof rice & chicken");
        top[0]!["revenueKobo"]!.GetValue<long>().ShouldBe(7_000_00);
        top[1]!["quantity"]!.GetValue<int>().ShouldBe(1, "the unpaid suya is not a sale");

        (await GetAsync<JsonObject>(agent, "/api/stats/sales"))["points"]!.AsArray().Count.ShouldBe(7);
        foreach (var bad in new[] { "0", "-1", "367", "week" })
        {
            using var response = await agent.GetAsync($"/api/stats/sales?days={bad}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("days");
        }
    }

    [Fact]
    public async Task Templates_are_listed_with_their_languages_and_previewed()
    {
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);
        var templates = await GetAsync<JsonArray>(marketer, "/api/templates");
        var greeting = templates.Single(t => t!["key"]!.GetValue<string>() == "greeting")!;
        greeting["languages"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["en", "pcm", "yo", "ig", "ha"]);
        templates.Select(t => t!["key"]!.GetValue<string>()).ShouldContain("handover_started");

        var english = await PreviewAsync(marketer, new { key = "handover_started", language = "en", data = new { business = new { name = "Ada's Place" } } });
        english.ShouldContain("Ada's Place");
        var yoruba = await PreviewAsync(marketer, new { key = "handover_started", language = "yo", data = new { business = new { name = "Ada's Place" } } });
        yoruba.ShouldContain("Ada's Place");
        yoruba.ShouldNotBe(english);
        (await PreviewAsync(marketer, new { key = "handover_started", language = "fr", data = new { business = new { name = "Ada's Place" } } })).ShouldBe(english, "unknown languages read English");

        using (var unknown = await marketer.PostAsJsonAsync("/api/templates/preview", new { key = "no_such_template", language = "en", data = new { } }))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().ShouldContain("no_such_template");
        }

        (await marketer.PostAsJsonAsync("/api/templates/preview", new { language = "en" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        (await agent.GetAsync("/api/templates")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.PostAsJsonAsync("/api/templates/preview", new { key = "greeting" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static JsonObject Item(JsonArray items, string sku) => items.Single(i => i!["sku"]!.GetValue<string>() == sku)!.AsObject();

    private static async Task<string> PreviewAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/templates/preview", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["text"]!.GetValue<string>();
    }

    private static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
