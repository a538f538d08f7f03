using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Dashboard;

namespace HaloAgent.Server.Tests.Auth;

/// <summary>
/// Server-side sessions: a cookie is only as good as its session row and its user. Logout, sign-out-everywhere,
/// password changes and removing a user end sessions at once; a role change applies to the next request; a session
/// ends after its absolute lifetime however busy it is. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class SessionTests(SessionServer server)
{
    [Fact]
    public async Task After_logout_the_old_cookie_and_csrf_token_are_refused_for_reads_and_changes()
    {
        using var session = await server.SignedInAsync(AuthPolicies.Owner);
        using var stolen = session.Copy(server.Factory.CreateClient(new() { HandleCookies = false }));
        (await stolen.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await session.PostAsync("/api/auth/logout")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await stolen.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await stolen.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var change = await stolen.PostAsync("/api/flows/opt-out/retract");
        change.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_demoted_user_loses_the_old_role_on_the_next_request()
    {
        using var owner = await server.SignedInAsync(AuthPolicies.Owner);
        var agentEmail = await server.UserAsync(AuthPolicies.Agent);
        using var agent = await CookieSession.SignInAsync(server.Factory, agentEmail, SessionServer.Password);
        (await agent.GetAsync("/api/escalations")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var id = await UserIdAsync(owner, agentEmail);
        using var demoted = await owner.PutAsync($"/api/users/{id}/role", new { role = AuthPolicies.Marketer });
        demoted.StatusCode.ShouldBe(HttpStatusCode.OK, await demoted.Content.ReadAsStringAsync());

        (await agent.GetAsync("/api/escalations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/flows")).StatusCode.ShouldBe(HttpStatusCode.OK, "the new role applies at once");
        var me = await (await agent.GetAsync("/api/auth/me")).Content.ReadFromJsonAsync<JsonObject>();
        me!["role"]!.GetValue<string>().ShouldBe(AuthPolicies.Marketer);
    }

    [Fact]
    public async Task A_removed_user_is_signed_out_everywhere()
    {
        using var owner = await server.SignedInAsync(AuthPolicies.Owner);
        var agentEmail = await server.UserAsync(AuthPolicies.Agent);
        using var agent = await CookieSession.SignInAsync(server.Factory, agentEmail, SessionServer.Password);
        (await agent.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var id = await UserIdAsync(owner, agentEmail);
        (await owner.DeleteAsync($"/api/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await agent.GetAsync("/api/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var again = await server.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = agentEmail, password = SessionServer.Password });
        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_busy_session_still_ends_at_its_absolute_lifetime()
    {
        using var session = await server.SignedInAsync(AuthPolicies.Owner);
        // Used every 5 hours, the 12-hour sliding cookie never goes idle; only the absolute lifetime (7 days) ends it.
        var used = TimeSpan.Zero;
        while (used + TimeSpan.FromHours(5) < TimeSpan.FromDays(7))
        {
            server.Clock.Advance(TimeSpan.FromHours(5));
            used += TimeSpan.FromHours(5);
            (await session.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {used.TotalHours} h");
        }

        server.Clock.Advance(TimeSpan.FromDays(7) - used + TimeSpan.FromMinutes(1));

        (await session.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_user_and_no_one_elses()
    {
        var email = await server.UserAsync(AuthPolicies.Agent);
        using var phone = await CookieSession.SignInAsync(server.Factory, email, SessionServer.Password);
        using var laptop = await CookieSession.SignInAsync(server.Factory, email, SessionServer.Password);
        using var colleague = await server.SignedInAsync(AuthPolicies.Agent);

        (await phone.PostAsync("/api/auth/logout-everywhere")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await phone.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await colleague.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var email = await server.UserAsync(AuthPolicies.Marketer);
        using var here = await CookieSession.SignInAsync(server.Factory, email, SessionServer.Password);
        using var elsewhere = await CookieSession.SignInAsync(server.Factory, email, SessionServer.Password);

        using var wrong = await here.PostAsync("/api/auth/password", new { currentPassword = "not-my-password", newPassword = "a-brand-new-password" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var tooShort = await here.PostAsync("/api/auth/password", new { currentPassword = SessionServer.Password, newPassword = "short" });
        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var changed = await here.PostAsync("/api/auth/password", new { currentPassword = SessionServer.Password, newPassword = "a-brand-new-password" });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());

        (await elsewhere.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await here.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var old = await server.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = SessionServer.Password });
        old.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var fresh = await CookieSession.SignInAsync(server.Factory, email, "a-brand-new-password");
    }

    [Fact]
    public async Task Only_an_owner_manages_users_and_only_those_of_their_business()
    {
        using var owner = await server.SignedInAsync(AuthPolicies.Owner);
        using var agent = await server.SignedInAsync(AuthPolicies.Agent);
        (await agent.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.PostAsync("/api/users", new { email = "x@halo.test", name = "X", role = "owner", password = "a-long-password-1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var email = $"new-agent-{Guid.NewGuid():N}@halo.test";
        using var added = await owner.PostAsync("/api/users", new { email, name = "New Agent", role = AuthPolicies.Agent, password = "a-long-password-1" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        (await added.Content.ReadFromJsonAsync<JsonObject>())!["role"]!.GetValue<string>().ShouldBe(AuthPolicies.Agent);
        (await owner.PostAsync("/api/users", new { email, name = "Again", role = AuthPolicies.Agent, password = "a-long-password-1" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await owner.PostAsync("/api/users", new { email = "bad-role@halo.test", name = "B", role = "admin", password = "a-long-password-1" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var newcomer = await CookieSession.SignInAsync(server.Factory, email, "a-long-password-1");

        // Another business's owner neither sees nor changes this business's users.
        var second = await DashboardSeed.SecondBusinessAsync(server.Factory.Services);
        using var otherOwner = await server.SignedInAsync(AuthPolicies.Owner, second);
        var list = await (await otherOwner.GetAsync("/api/users")).Content.ReadFromJsonAsync<JsonArray>();
        list!.Select(u => u!["email"]!.GetValue<string>()).ShouldNotContain(email);
        var id = await UserIdAsync(owner, email);
        (await otherOwner.PutAsync($"/api/users/{id}/role", new { role = AuthPolicies.Marketer })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherOwner.DeleteAsync($"/api/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await newcomer.GetAsync("/api/escalations")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_owner_cannot_remove_or_demote_themselves()
    {
        var email = await server.UserAsync(AuthPolicies.Owner);
        using var owner = await CookieSession.SignInAsync(server.Factory, email, SessionServer.Password);
        var id = await UserIdAsync(owner, email);

        (await owner.PutAsync($"/api/users/{id}/role", new { role = AuthPolicies.Agent })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await owner.DeleteAsync($"/api/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await owner.GetAsync("/api/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> UserIdAsync(CookieSession owner, string email)
    {
        using var response = await owner.GetAsync("/api/users");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var users = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        return users.Single(u => u!["email"]!.GetValue<string>() == email)!["id"]!.GetValue<string>();
    }
}

public sealed class SqliteSessionTests(SqliteSessionServer server) : SessionTests(server), IClassFixture<SqliteSessionServer>;

public sealed class PostgresSessionTests(PostgresSessionServer server) : SessionTests(server), IClassFixture<PostgresSessionServer>;
