using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>What the contact list says about a customer: how many orders they placed and their marketing consent as it is.</summary>
public sealed class ContactListStateTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;
    private string _businessId = "";

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);
        _businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_customer_who_ordered_shows_their_orders_though_none_is_completed_yet()
    {
        var ada = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348032220001", "Ada Orders");
        await DashboardSeed.OrderAsync(_factory.Services, _businessId, ada.Id);
        var second = await DashboardSeed.OrderAsync(_factory.Services, _businessId, ada.Id, address: null);
        var cancelled = await DashboardSeed.OrderAsync(_factory.Services, _businessId, ada.Id);
        (await Service<IOrderService>().ChangeStatusAsync(cancelled.Id, OrderStatus.Cancelled, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        (await Service<IOrderService>().ChangeStatusAsync(second.Id, OrderStatus.Paid, "test", null, default)).Outcome.ShouldBe(StatusChangeOutcome.Changed);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);

        var row = (await SearchAsync(owner, "Ada Orders")).ShouldHaveSingleItem()!;
        row["orderCount"]!.GetValue<int>().ShouldBe(2, "two orders placed and not cancelled");
    }

    [Fact]
    public async Task Consent_reads_not_asked_opted_in_or_opted_out_with_the_date_it_last_changed()
    {
        var never = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348032220011", "Never Asked");
        var yes = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348032220012", "Said Start");
        var no = await DashboardSeed.ContactAsync(_factory.Services, _businessId, "2348032220013", "Said Stop");
        var contacts = Service<IContactService>();
        await contacts.OptInAsync(yes.Id, default);
        await contacts.OptInAsync(no.Id, default);
        await contacts.OptOutAsync(no.Id, default);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        // The owner's list: one said no (withdrawn by the list), one new contact not asked at all.
        using (var import = await owner.PostAsync("/api/contacts/import", new StringContent("Listed No,08032220014,en,false\nListed Blank,08032220015,en,\n", Encoding.UTF8, "text/csv")))
        {
            import.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var byName = (await SearchAsync(owner, null)).ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!);
        byName["Never Asked"]["consent"]!.GetValue<string>().ShouldBe("not_asked");
        byName["Never Asked"]["consentChangedAt"].ShouldBeNull();
        byName["Said Start"]["consent"]!.GetValue<string>().ShouldBe("opted_in");
        byName["Said Start"]["consentChangedAt"].ShouldNotBeNull();
        byName["Said Stop"]["consent"]!.GetValue<string>().ShouldBe("opted_out");
        var stoppedAt = byName["Said Stop"]["consentChangedAt"]!.GetValue<DateTimeOffset>();
        stoppedAt.ShouldBeGreaterThanOrEqualTo(byName["Said Start"]["consentChangedAt"]!.GetValue<DateTimeOffset>());
        byName["Listed No"]["consent"]!.GetValue<string>().ShouldBe("opted_out");
        byName["Listed No"]["consentChangedAt"].ShouldNotBeNull();
        byName["Listed Blank"]["consent"]!.GetValue<string>().ShouldBe("not_asked");
        never.Id.ShouldNotBe(yes.Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Tags_find_exactly_their_contacts_and_orders_are_counted_on_either_database(DatabaseProvider provider)
    {
        await using var factory = provider == DatabaseProvider.Sqlite ? null : await HaloAgentFactory.CreateAsync(provider);
        var services = (factory ?? _factory).Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        var exact = await DashboardSeed.ContactAsync(services, businessId, "2348032220021", "Exact Tag");
        var lookalike = await DashboardSeed.ContactAsync(services, businessId, "2348032220022", "Lookalike Tag");
        await DashboardSeed.OrderAsync(services, businessId, exact.Id);
        var owner = await (factory ?? _factory).SignedInClientAsync(AuthPolicies.Owner);
        (await owner.PatchAsync($"/api/contacts/{exact.Id}", JsonContent.Create(new { tags = new[] { "vip_1", "lekki" } }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.PatchAsync($"/api/contacts/{lookalike.Id}", JsonContent.Create(new { tags = new[] { "vipx1", "lekki phase 1" } }))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // '_' is a LIKE wildcard and "lekki" is part of "lekki phase 1": neither may match the other contact.
        var tagged = (await SearchAsync(owner, null, tag: "vip_1")).ShouldHaveSingleItem()!;
        tagged["id"]!.GetValue<string>().ShouldBe(exact.Id);
        tagged["orderCount"]!.GetValue<int>().ShouldBe(1);
        tagged["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["vip_1", "lekki"]);
        (await SearchAsync(owner, "LEKKI")).ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(exact.Id);
        (await SearchAsync(owner, null, tag: "lekki phase 1")).ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(lookalike.Id);
        (await SearchAsync(owner, null, tag: "not|a tag")).ShouldBeEmpty();
    }

    private T Service<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    internal static async Task<JsonArray> SearchAsync(HttpClient client, string? q, string? tag = null)
    {
        var query = new List<string>();
        if (q is not null) query.Add("q=" + Uri.EscapeDataString(q));
        if (tag is not null) query.Add("tag=" + Uri.EscapeDataString(tag));
        using var response = await client.GetAsync("/api/contacts" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }
}
