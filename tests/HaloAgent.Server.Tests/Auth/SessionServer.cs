using HaloAgent.Commerce.Businesses;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Auth;

/// <summary>
/// One real server per test class (SQLite or PostgreSQL) on a manual clock, with the test seam that sets the peer
/// address (<see cref="TestRemoteAddress"/>); users are created per test, so tests do not share sessions.
/// </summary>
public abstract class SessionServer(DatabaseProvider provider) : IAsyncLifetime
{
    public const string Password = "a-long-test-password";

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    private HaloAgentFactory _inner = null!;

    /// <summary>Settings the class's server starts with (on top of the shared test settings).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["HaloAgent:Auth:SessionLifetime"] = "12:00:00",
        ["HaloAgent:Auth:SessionAbsoluteLifetime"] = "7.00:00:00",
        ["HaloAgent:Auth:LoginAttemptsPerMinute"] = "1000",
    };

    public async Task InitializeAsync()
    {
        _inner = await HaloAgentFactory.CreateAsync(provider, Settings, Clock);
        Factory = _inner.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestRemoteAddress>()));
        Factory.CreateClient().Dispose(); // start the server: migrations and the demo business
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _inner.DisposeAsync();
    }

    /// <summary>A new user of the demo business (or the named one) with the role; returns the e-mail (password: <see cref="Password"/>).</summary>
    public async Task<string> UserAsync(string role, string? businessSlug = null)
    {
        var business = await Factory.Services.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(businessSlug ?? DemoBusinessSeeder.DemoSlug, default)
            ?? throw new InvalidOperationException($"No business '{businessSlug}'.");
        var email = $"{role}-{Guid.NewGuid():N}@halo.test";
        await Factory.Services.GetRequiredService<UserDirectory>().CreateAsync(business.Id, email, $"Test {role}", role, Password, default);
        return email;
    }

    public async Task<CookieSession> SignedInAsync(string role, string? businessSlug = null) =>
        await CookieSession.SignInAsync(Factory, await UserAsync(role, businessSlug), Password);
}

public sealed class SqliteSessionServer() : SessionServer(DatabaseProvider.Sqlite);

public sealed class PostgresSessionServer() : SessionServer(DatabaseProvider.Postgres);
