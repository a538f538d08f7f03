using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Auth;
using HaloAgent.Server.Tests.Dashboard;

namespace HaloAgent.Server.Tests.Audit;

/// <summary>
/// Money settings are the owner's alone, and what owners and agents do is in the owner's audit log (who, what, when,
/// before and after), newest first, paged, per business. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class AuditApiTests(SessionServer server)
{
    private static readonly object Risky = new
    {
        bankTransfer = true, payOnDelivery = false, paystack = false, autoConfirmReceipts = true, autoConfirmMinScore = 0.0, autoConfirmMaxKobo = 100_000_000L,
    };

    [Theory]
    [InlineData(AuthPolicies.Agent)]
    [InlineData(AuthPolicies.Marketer)]
    public async Task Only_the_owner_changes_payment_settings(string role)
    {
        using var owner = await server.SignedInAsync(AuthPolicies.Owner);
        using var other = await server.SignedInAsync(role);
        var before = await (await owner.GetAsync("/api/payments/settings")).Content.ReadAsStringAsync();

        using var refused = await other.PutAsync("/api/payments/settings", Risky);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await owner.GetAsync("/api/payments/settings")).Content.ReadAsStringAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_owner_changing_payment_settings_leaves_a_record_with_before_and_after()
    {
        var email = await server.UserAsync(AuthPolicies.Owner);
        using var owner = await CookieSession.SignInAsync(server.Factory, email, SessionServer.Password);
        using var reset = await owner.PutAsync("/api/payments/settings", new { bankTransfer = true, autoConfirmReceipts = false, autoConfirmMinScore = 0.9, autoConfirmMaxKobo = 2_000_000L });
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var changed = await owner.PutAsync("/api/payments/settings", Risky);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());

        var record = (await AuditAsync(owner, "?action=payment.settings&take=1"))["items"]!.AsArray().Single()!;
        record["actor"]!.GetValue<string>().ShouldBe(email);
        record["actorRole"]!.GetValue<string>().ShouldBe(AuthPolicies.Owner);
        record["action"]!.GetValue<string>().ShouldBe("payment.settings");
        record["before"]!["autoConfirmReceipts"]!.GetValue<bool>().ShouldBeFalse();
        record["before"]!["autoConfirmMaxKobo"]!.GetValue<long>().ShouldBe(2_000_000);
        record["after"]!["autoConfirmReceipts"]!.GetValue<bool>().ShouldBeTrue();
        record["after"]!["autoConfirmMinScore"]!.GetValue<double>().ShouldBe(0.0);
        record["after"]!["autoConfirmMaxKobo"]!.GetValue<long>().ShouldBe(100_000_000);
        (DateTimeOffset.UtcNow - record["at"]!.GetValue<DateTimeOffset>()).Duration().ShouldBeLessThan(TimeSpan.FromDays(8), "stamped by the server's clock");
    }

    [Fact]
    public async Task An_agent_moving_an_order_is_recorded_for_the_owner_and_the_agent_cannot_read_the_log()
    {
        var services = server.Factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        var contact = await DashboardSeed.ContactAsync(services, businessId, $"234803{Random.Shared.Next(1_000_000, 9_999_999)}", "Audit Customer");
        var order = await DashboardSeed.OrderAsync(services, businessId, contact.Id);
        var agentEmail = await server.UserAsync(AuthPolicies.Agent);
        using var agent = await CookieSession.SignInAsync(server.Factory, agentEmail, SessionServer.Password);
        using var owner = await server.SignedInAsync(AuthPolicies.Owner);

        using var cancelled = await agent.PostAsync($"/api/orders/{order.Id}/status", new { status = "cancelled", note = "customer changed their mind" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());

        (await agent.GetAsync("/api/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var record = (await AuditAsync(owner, "?action=order"))["items"]!.AsArray().First(i => i!["targetId"]!.GetValue<string>() == order.Id)!;
        record["actor"]!.GetValue<string>().ShouldBe(agentEmail);
        record["actorRole"]!.GetValue<string>().ShouldBe(AuthPolicies.Agent);
        record["before"]!["status"]!.GetValue<string>().ShouldBe("pending_payment");
        record["after"]!["status"]!.GetValue<string>().ShouldBe("cancelled");
        record["after"]!["note"]!.GetValue<string>().ShouldBe("customer changed their mind");
        record["after"]!["number"]!.GetValue<string>().ShouldBe(order.Number);
    }

    [Fact]
    public async Task The_log_is_newest_first_paged_filtered_and_kept_to_its_business()
    {
        var email = await server.UserAsync(AuthPolicies.Owner);
        using var owner = await CookieSession.SignInAsync(server.Factory, email, SessionServer.Password);
        var added = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var newEmail = $"team-{i}-{Guid.NewGuid():N}@halo.test";
            (await owner.PostAsync("/api/users", new { email = newEmail, name = $"Team {i}", role = AuthPolicies.Agent, password = "a-long-password-1" })).StatusCode.ShouldBe(HttpStatusCode.Created);
            added.Add(newEmail);
        }

        var first = await AuditAsync(owner, "?action=user.add&take=2");
        first["hasMore"]!.GetValue<bool>().ShouldBeTrue();
        var page1 = first["items"]!.AsArray().Select(i => i!["after"]!["email"]!.GetValue<string>()).ToList();
        page1.ShouldBe([added[2], added[1]]);
        var second = await AuditAsync(owner, "?action=user.add&take=1&skip=2");
        second["items"]!.AsArray().Single()!["after"]!["email"]!.GetValue<string>().ShouldBe(added[0]);
        (await AuditAsync(owner, "?action=user&take=200"))["items"]!.AsArray().ShouldAllBe(i => i!["action"]!.GetValue<string>().StartsWith("user."));
        (await owner.GetAsync("/api/audit?take=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await owner.GetAsync("/api/audit?take=201")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await owner.GetAsync("/api/audit?skip=-1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var second2 = await DashboardSeed.SecondBusinessAsync(server.Factory.Services);
        using var otherOwner = await server.SignedInAsync(AuthPolicies.Owner, second2);
        var theirs = (await AuditAsync(otherOwner, "?take=200"))["items"]!.AsArray();
        theirs.ShouldAllBe(i => i!["actor"]!.GetValue<string>() != email);
        theirs.Select(i => i!["action"]!.GetValue<string>()).ShouldBe(["auth.signin"], "only their own owner's sign-in");
    }

    [Fact]
    public async Task User_management_and_signing_out_everywhere_are_recorded()
    {
        var email = await server.UserAsync(AuthPolicies.Owner);
        using var owner = await CookieSession.SignInAsync(server.Factory, email, SessionServer.Password);
        var agentEmail = await server.UserAsync(AuthPolicies.Agent);
        using var agent = await CookieSession.SignInAsync(server.Factory, agentEmail, SessionServer.Password);
        var users = await (await owner.GetAsync("/api/users")).Content.ReadFromJsonAsync<JsonArray>();
        var agentId = users!.Single(u => u!["email"]!.GetValue<string>() == agentEmail)!["id"]!.GetValue<string>();

        (await owner.PutAsync($"/api/users/{agentId}/role", new { role = AuthPolicies.Marketer })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.PostAsync("/api/auth/logout-everywhere")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.DeleteAsync($"/api/users/{agentId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var items = (await AuditAsync(owner, "?take=200"))["items"]!.AsArray().Where(i => i!["targetId"]?.GetValue<string>() == agentId).ToList();
        items.Select(i => i!["action"]!.GetValue<string>()).ShouldBe(["user.remove", "auth.signout-everywhere", "user.role", "auth.signin"]);
        items[2]!["before"]!["role"]!.GetValue<string>().ShouldBe(AuthPolicies.Agent);
        items[2]!["after"]!["role"]!.GetValue<string>().ShouldBe(AuthPolicies.Marketer);
        items[1]!["actor"]!.GetValue<string>().ShouldBe(agentEmail);
        items[0]!["before"]!["email"]!.GetValue<string>().ShouldBe(agentEmail);
    }

    private static async Task<JsonObject> AuditAsync(CookieSession owner, string query)
    {
        using var response = await owner.GetAsync("/api/audit" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}

public sealed class SqliteAuditApiTests(SqliteSessionServer server) : AuditApiTests(server), IClassFixture<SqliteSessionServer>;

public sealed class PostgresAuditApiTests(PostgresSessionServer server) : AuditApiTests(server), IClassFixture<PostgresSessionServer>;
