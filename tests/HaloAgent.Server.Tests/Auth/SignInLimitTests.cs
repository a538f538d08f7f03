using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Tests.Auth;

/// <summary>A server whose sign-in limits are small enough to reach in a test, behind one configured proxy (10.0.0.1).</summary>
public sealed class SignInLimitServer() : SessionServer(DatabaseProvider.Sqlite)
{
    public const string Proxy = "10.0.0.1";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["HaloAgent:Auth:LoginAttemptsPerMinute"] = "5",
        ["HaloAgent:Auth:AccountFailuresBeforeBackoff"] = "3",
        ["HaloAgent:Auth:AccountBackoffMax"] = "00:10:00",
        ["HaloAgent:ForwardedHeaders:KnownProxies"] = Proxy,
    };
}

/// <summary>
/// Sign-in limits per address and per account, trusted devices, and forwarded headers only from the configured proxy.
/// Each test uses addresses of its own, so the per-address windows of different tests never meet.
/// </summary>
public sealed class SignInLimitTests(SignInLimitServer server) : IClassFixture<SignInLimitServer>
{
    [Fact]
    public async Task An_attacker_on_the_owners_shared_address_cannot_lock_the_owner_out()
    {
        const string shared = "192.0.2.10";
        var owner = await server.UserAsync(AuthPolicies.Owner);
        using var browser = server.Factory.CreateClient(); // keeps cookies, like the owner's browser
        browser.DefaultRequestHeaders.Add(TestRemoteAddress.Header, shared);
        (await LoginAsync(browser, owner, SessionServer.Password)).ShouldBe(HttpStatusCode.OK);

        using var attacker = server.Factory.CreateClient();
        attacker.DefaultRequestHeaders.Add(TestRemoteAddress.Header, shared);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await LoginAsync(attacker, owner, $"guess-{i}"));
        }

        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
        statuses.ShouldNotContain(HttpStatusCode.OK);

        // Same address, same account, still being guessed at: the browser the owner signed in from before gets in.
        (await LoginAsync(browser, owner, SessionServer.Password)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Guesses_spread_over_many_addresses_still_wait_after_a_few_failures_at_one_account()
    {
        var victim = await server.UserAsync(AuthPolicies.Owner);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await LoginFromAsync($"198.51.100.{i + 1}", victim, $"guess-{i}"));
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
        // Even the right password waits: an attacker cannot tell a lucky guess from a wrong one while the account waits.
        (await LoginFromAsync("198.51.100.50", victim, SessionServer.Password)).ShouldBe(HttpStatusCode.TooManyRequests);

        server.Clock.Advance(TimeSpan.FromSeconds(2));
        (await LoginFromAsync("198.51.100.51", victim, SessionServer.Password)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_wait_doubles_with_each_further_failure_up_to_the_maximum()
    {
        var victim = await server.UserAsync(AuthPolicies.Agent);
        var waits = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            using var client = ClientFrom($"198.51.100.{100 + i}");
            using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = victim, password = $"guess-{i}" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                waits.Add(int.Parse(response.Headers.GetValues("Retry-After").Single()));
                server.Clock.Advance(TimeSpan.FromSeconds(waits[^1]));
                i--; // the refused attempt did not count; try the same guess again after the wait
                if (waits.Count > 10)
                {
                    break;
                }
            }
        }

        waits.ShouldBe([1, 2, 4]);
    }

    [Fact]
    public async Task An_unknown_account_is_limited_exactly_like_a_real_one()
    {
        var real = await server.UserAsync(AuthPolicies.Marketer);
        var unknown = $"nobody-{Guid.NewGuid():N}@halo.test";
        var answers = new Dictionary<string, List<string>>();
        foreach (var (email, prefix) in new[] { (real, "203.0.113."), (unknown, "203.0.114.") })
        {
            var list = answers[email] = [];
            for (var i = 0; i < 5; i++)
            {
                using var client = ClientFrom($"{prefix}{i + 1}");
                using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = $"guess-{i}" });
                list.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        answers[unknown].ShouldBe(answers[real]);
        answers[real][^1].ShouldStartWith("429");
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_the_configured_proxy_and_make_the_cookie_secure_behind_tls()
    {
        var email = await server.UserAsync(AuthPolicies.Owner);

        using var viaProxy = ClientFrom(SignInLimitServer.Proxy);
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-For", "198.18.0.7");
        using var secure = await viaProxy.PostAsJsonAsync("/api/auth/login", new { email, password = SessionServer.Password });
        secure.StatusCode.ShouldBe(HttpStatusCode.OK);
        AuthCookie(secure).ShouldContain("secure", Case.Insensitive);

        using var spoofer = ClientFrom("192.0.2.77");
        spoofer.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        spoofer.DefaultRequestHeaders.Add("X-Forwarded-For", "198.18.0.8");
        using var plain = await spoofer.PostAsJsonAsync("/api/auth/login", new { email, password = SessionServer.Password });
        plain.StatusCode.ShouldBe(HttpStatusCode.OK);
        AuthCookie(plain).ShouldNotContain("secure", Case.Insensitive);

        // The sign-ins in the audit log name the client's address: the forwarded one only through the proxy.
        using var owner = await CookieSession.SignInAsync(server.Factory, email, SessionServer.Password, "192.0.2.78");
        var log = await (await owner.GetAsync("/api/audit?action=auth.signin&take=3")).Content.ReadFromJsonAsync<JsonObject>();
        var addresses = log!["items"]!.AsArray().Select(i => i!["after"]!["address"]!.GetValue<string>()).ToList();
        addresses.ShouldBe(["192.0.2.78", "192.0.2.77", "198.18.0.7"]);
    }

    private HttpClient ClientFrom(string address)
    {
        var client = server.Factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        return client;
    }

    private async Task<HttpStatusCode> LoginFromAsync(string address, string email, string password)
    {
        using var client = ClientFrom(address);
        return await LoginAsync(client, email, password);
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        return response.StatusCode;
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("halo-auth=", StringComparison.Ordinal));
}
