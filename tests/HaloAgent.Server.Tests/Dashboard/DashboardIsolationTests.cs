using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Orders;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>
/// Two businesses on one PostgreSQL database (as several nodes share it): the second owner sees none of the first's
/// conversations, contacts or sales, and the first's contact ids are unknown to them.
/// </summary>
public sealed class DashboardIsolationTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_second_business_sees_nothing_of_the_first()
    {
        var demoId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
        var ada = await DashboardSeed.ContactAsync(_factory.Services, demoId, "2348032220001", "Ada Demo");
        var order = await DashboardSeed.OrderAsync(_factory.Services, demoId, ada.Id);
        // Sales count paid orders only.
        (await _factory.Services.GetRequiredService<IOrderService>().ChangeStatusAsync(order.Id, OrderStatus.Paid, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        var first = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        (await first.PostAsync($"/api/conversations/{ada.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The first owner sees their own data.
        (await GetArrayAsync(first, "/api/conversations")).ShouldContain(c => c!["contactId"]!.GetValue<string>() == ada.Id);
        (await GetArrayAsync(first, "/api/contacts")).ShouldContain(c => c!["id"]!.GetValue<string>() == ada.Id);
        (await GetObjectAsync(first, "/api/stats/sales?days=7"))["totalOrders"]!.GetValue<int>().ShouldBe(1);

        var slug = await DashboardSeed.SecondBusinessAsync(_factory.Services);
        var second = await _factory.SignedInClientAsync(AuthPolicies.Owner, slug);
        (await GetArrayAsync(second, "/api/conversations")).ShouldBeEmpty();
        (await GetArrayAsync(second, "/api/contacts")).ShouldBeEmpty();
        (await GetArrayAsync(second, "/api/contacts?q=Ada")).ShouldBeEmpty();
        (await GetArrayAsync(second, "/api/catalog")).ShouldBeEmpty();
        var stats = await GetObjectAsync(second, "/api/stats/sales?days=7");
        stats["totalOrders"]!.GetValue<int>().ShouldBe(0);
        stats["totalRevenueKobo"]!.GetValue<long>().ShouldBe(0);
        stats["topProducts"]!.AsArray().ShouldBeEmpty();

        (await second.GetAsync($"/api/conversations/{ada.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.PostAsync($"/api/conversations/{ada.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.PostAsync($"/api/conversations/{ada.Id}/release", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.PostAsJsonAsync($"/api/conversations/{ada.Id}/reply", new { text = "hello" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.GetAsync($"/api/contacts/{ada.Id}/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.DeleteAsync($"/api/contacts/{ada.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The first business's chat is still taken over, and its contact untouched.
        var conversation = await GetObjectAsync(first, $"/api/conversations/{ada.Id}");
        conversation["handledBy"]!.GetValue<string>().ShouldBe("human");
        conversation["contactName"]!.GetValue<string>().ShouldBe("Ada Demo");

        // An import into the second business never touches the first's contact with the same phone.
        using var import = await second.PostAsync("/api/contacts/import", new StringContent("Someone Else,08032220001,en,true", System.Text.Encoding.UTF8, "text/csv"));
        import.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await import.Content.ReadFromJsonAsync<JsonObject>())!["imported"]!.GetValue<int>().ShouldBe(1);
        (await GetArrayAsync(first, "/api/contacts?q=08032220001")).ShouldHaveSingleItem()!["name"]!.GetValue<string>().ShouldBe("Ada Demo");
    }

    private static async Task<JsonArray> GetArrayAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    private static async Task<JsonObject> GetObjectAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
