using HaloAgent.Engine.Runtime.Persistence;
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
