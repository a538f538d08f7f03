using HaloAgent.Commerce.Businesses;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.Server.Tests.Support;

/// <summary>The real server in process, on a fresh SQLite file or PostgreSQL database, with its background workers running.</summary>
public sealed class HaloAgentFactory(DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    public static async Task<HaloAgentFactory> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null)
    {
        var connectionString = provider == DatabaseProvider.Sqlite
            ? $"Data Source={System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"halo-api-{Guid.NewGuid():N}.db")}"
            : await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("api");
        return new HaloAgentFactory(provider, connectionString, settings, clock);
    }

    /// <summary>
    /// A client signed in as a new user of the business (the demo business unless <paramref name="businessSlug"/> names
    /// another), with <paramref name="role"/>: owner, agent, marketer or admin.
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string role = AuthPolicies.Owner, string? businessSlug = null)
    {
        var business = await Services.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(businessSlug ?? DemoBusinessSeeder.DemoSlug, default)
            ?? throw new InvalidOperationException($"No business '{businessSlug}'.");
        var email = $"{role}-{Guid.NewGuid():N}@halo.test";
        const string password = "a-long-test-password";
        await Services.GetRequiredService<UserDirectory>().CreateAsync(business.Id, email, $"Test {role}", role, password, default);
        var client = CreateClient();
        await SignIn.AsAsync(client, email, password);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("HaloAgent:Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:HaloAgent", connectionString);
        builder.UseSetting("HaloAgent:Engine:PollInterval", "00:00:00.050");
        builder.UseSetting("HaloAgent:Channels:PollInterval", "00:00:00.050");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
        }
    }
}
