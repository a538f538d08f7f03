using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Marketing.Tests.Support;

/// <summary>The marketing module alone on a fresh database: a temporary SQLite file, or a new database on the shared PostgreSQL server.</summary>
public sealed class MarketingHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private MarketingHost(ServiceProvider services, ManualClock clock)
    {
        _services = services;
        Clock = clock;
    }

    public ManualClock Clock { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<MarketingHost> StartAsync(DatabaseProvider provider)
    {
        var connectionString = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"halo-marketing-{Guid.NewGuid():N}.db")};Pooling=False;Default Timeout=120"
            : await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("marketing");
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(1)));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLogging()
            .AddHaloMarketing(provider, connectionString)
            .BuildServiceProvider();
        await services.MigrateMarketingAsync(default);
        return new MarketingHost(services, clock);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
