using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>
/// The shop's settings: every role reads them, only the owner changes them; a bad save names each problem by field and
/// changes nothing; a good one is what the agent uses on the next message, is in the audit log, and stays in its business.
/// Run on SQLite and PostgreSQL.
/// </summary>
public abstract class ShopApiTests(SessionServer server)
{
    private static object Valid(string address) => new
    {
        name = "Mama Nkechi's Kitchen",
        pickupAddress = address,
        openingHours = new Dictionary<string, string> { ["mon"] = "08:00-21:00", ["sat"] = "10:00 - 23:30", ["sun"] = "closed" },
        deliveryZones = new[] { new { name = "Yaba", feeKobo = 150_000L }, new { name = "Lekki Phase 1", feeKobo = 300_000L } },
        bank = new { bankName = "Moniepoint MFB", accountNumber = "50 1234 5678", accountName = "Mama Nkechi's Kitchen" },
        templateLanguageFallback = "ha",
    };

    [Theory]
    [InlineData(AuthPolicies.Agent)]
    [InlineData(AuthPolicies.Marketer)]
    public async Task Every_role_reads_the_settings_and_only_the_owner_changes_them(string role)
    {
        using var owner = await server.SignedInAsync(AuthPolicies.Owner);
        using var other = await server.SignedInAsync(role);
        var before = await (await owner.GetAsync("/api/shop")).Content.ReadAsStringAsync();

        using var read = await other.GetAsync("/api/shop");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await other.PutAsync("/api/shop", Valid("Somewhere else"));

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await owner.GetAsync("/api/shop")).Content.ReadAsStringAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_bad_save_names_every_problem_by_field_and_changes_nothing()
    {
        using var owner = await server.SignedInAsync(AuthPolicies.Owner);
        var before = await (await owner.GetAsync("/api/shop")).Content.ReadAsStringAsync();

        using var response = await owner.PutAsync("/api/shop", new
        {
            name = "  ",
            pickupAddress = new string('x', 301),
            openingHours = new Dictionary<string, string> { ["funday"] = "08:00-21:00", ["mon"] = "8am till late", ["tue"] = "25:00-26:00" },
            deliveryZones = new[] { new { name = "Yaba", feeKobo = -5L }, new { name = "yaba", feeKobo = 100L }, new { name = "", feeKobo = 100L } },
            bank = new { bankName = "GTBank", accountNumber = "12345", accountName = "" },
            templateLanguageFallback = "yo",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(
            [
                "name", "pickupAddress", "openingHours.funday", "openingHours.mon", "openingHours.tue", "deliveryZones[0].feeKobo",
                "deliveryZones[1].name", "deliveryZones[2].name", "bank.accountNumber", "bank.accountName", "templateLanguageFallback",
            ],
            ignoreOrder: true);
        errors["deliveryZones[1].name"]![0]!.GetValue<string>().ShouldContain("listed twice");
        errors["templateLanguageFallback"]![0]!.GetValue<string>().ShouldContain("en and ha");
        (await (await owner.GetAsync("/api/shop")).Content.ReadAsStringAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_saved_change_is_what_the_agent_reads_next_and_is_in_the_audit_log()
    {
        using var owner = await server.SignedInAsync(AuthPolicies.Owner);
        var directory = server.Factory.Services.GetRequiredService<IBusinessDirectory>();
        var business = (await directory.FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!;
        (await directory.GetAsync(business.Id, default))!.PickupAddress.ShouldNotBe("7 Ozumba Mbadiwe, Victoria Island"); // cached now

        using var saved = await owner.PutAsync("/api/shop", Valid("7 Ozumba Mbadiwe, Victoria Island"));

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var profile = (await directory.GetAsync(business.Id, default))!;
        profile.PickupAddress.ShouldBe("7 Ozumba Mbadiwe, Victoria Island", "the saving node forgets its cached copy");
        profile.FindZone("lekki phase 1")!.FeeKobo.ShouldBe(300_000);
        profile.Bank!.AccountNumber.ShouldBe("5012345678");
        profile.TemplateLanguageFallback.ShouldBe("ha");
        profile.Hours.IsOpen(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.FromHours(1))).ShouldBeFalse("Sunday is closed");
        var read = (await (await owner.GetAsync("/api/shop")).Content.ReadFromJsonAsync<JsonObject>())!;
        read["openingHours"]!["sat"]!.GetValue<string>().ShouldBe("10:00-23:30");

        var audit = (await (await owner.GetAsync("/api/audit?action=shop.settings&take=1")).Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().Single()!;
        audit["after"]!["pickupAddress"]!.GetValue<string>().ShouldBe("7 Ozumba Mbadiwe, Victoria Island");

        var second = await DashboardSeed.SecondBusinessAsync(server.Factory.Services);
        using var otherOwner = await server.SignedInAsync(AuthPolicies.Owner, second);
        var theirs = (await (await otherOwner.GetAsync("/api/shop")).Content.ReadFromJsonAsync<JsonObject>())!;
        (theirs["pickupAddress"]?.GetValue<string>()).ShouldNotBe("7 Ozumba Mbadiwe, Victoria Island");
    }
}

public sealed class SqliteShopApiTests(SqliteSessionServer server) : ShopApiTests(server), IClassFixture<SqliteSessionServer>;

public sealed class PostgresShopApiTests(PostgresSessionServer server) : ShopApiTests(server), IClassFixture<PostgresSessionServer>;
