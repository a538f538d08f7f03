using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;

namespace HaloAgent.Server.Tests.Auth;

/// <summary>Cookie sign-in, roles, CSRF and the login rate limit, against the real server (SQLite).</summary>
public sealed class AuthApiTests : IAsyncLifetime
{
    private const string OwnerEmail = "ada@mamankechi.ng";
    private const string OwnerPassword = "jollof-every-day";
    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Demo:OwnerEmail"] = OwnerEmail,
            ["Demo:OwnerPassword"] = OwnerPassword,
            ["HaloAgent:Auth:LoginAttemptsPerMinute"] = "4",
        });
        _factory.CreateClient().Dispose(); // start the server (seeds the demo owner)
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_demo_owner_signs_in_with_the_configured_password_and_sees_their_business()
    {
        var client = _factory.CreateClient();

        var profile = await SignIn.AsAsync(client, "  ADA@mamankechi.ng ", OwnerPassword);

        profile["role"]!.GetValue<string>().ShouldBe("owner");
        profile["businessName"]!.GetValue<string>().ShouldBe("Mama Nkechi's Kitchen");
        var me = (await client.GetFromJsonAsync<JsonObject>("/api/auth/me"))!;
        me["email"]!.GetValue<string>().ShouldBe(OwnerEmail);
    }

    [Theory]
    [InlineData(OwnerEmail, "wrong-password")]
    [InlineData("nobody@nowhere.ng", OwnerPassword)]
    public async Task A_wrong_password_or_unknown_email_gets_the_same_401(string email, string password)
    {
        using var response = await _factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Wrong e-mail or password.");
        SignIn.CsrfToken(response).ShouldBeNull();
    }

    [Fact]
    public async Task Without_signing_in_the_management_api_answers_401_not_a_redirect()
    {
        var client = _factory.CreateClient();

        (await client.GetAsync("/api/flows")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/flows/ordering/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_signed_in_change_without_the_csrf_header_is_refused_and_changes_nothing()
    {
        var client = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        var token = client.DefaultRequestHeaders.GetValues(AuthApi.CsrfHeader).Single();
        client.DefaultRequestHeaders.Remove(AuthApi.CsrfHeader);

        using var refused = await client.PostAsync("/api/flows/opt-out/retract", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("CSRF");
        (await client.GetFromJsonAsync<JsonArray>("/api/flows"))!.Single(f => f!["id"]!.GetValue<string>() == "opt-out")!["activeVersion"]!.GetValue<int>().ShouldBe(1);

        client.DefaultRequestHeaders.Add(AuthApi.CsrfHeader, token);
        using var accepted = await client.PostAsync("/api/flows/opt-out/retract", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Roles_limit_what_each_user_may_do()
    {
        var agent = await _factory.SignedInClientAsync(AuthPolicies.Agent);
        var marketer = await _factory.SignedInClientAsync(AuthPolicies.Marketer);

        (await agent.GetAsync("/api/flows")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/escalations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await marketer.GetAsync("/api/flows")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await marketer.GetAsync("/api/escalations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var client = await _factory.SignedInClientAsync();
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync("/api/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Guessing_passwords_is_rate_limited()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = OwnerEmail, password = $"guess-{i}" });
            statuses.Add(response.StatusCode);
        }

        statuses.Take(4).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(4).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }
}
