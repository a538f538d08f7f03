using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Commerce.Tests.Support;

/// <summary>The commerce services wired as the server wires them, on a migrated database with the demo business seeded.</summary>
public sealed class CommerceHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CommerceHost(ServiceProvider services, TestDatabase database, string connectionString, ManualClock clock, string businessId)
    {
        _services = services;
        Database = database;
        ConnectionString = connectionString;
        Clock = clock;
        BusinessId = businessId;
    }

    public TestDatabase Database { get; }

    public string ConnectionString { get; }

    public ManualClock Clock { get; }

    /// <summary>The demo business (Mama Nkechi's Kitchen).</summary>
    public string BusinessId { get; }

    public IServiceProvider Services => _services;

    public static async Task<CommerceHost> StartAsync(TestDatabase database, Action<IServiceCollection>? configure = null, bool seed = true)
    {
        var connectionString = await TestDatabases.CreateAsync(database);
        var clock = new ManualClock();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddDataProtection(); // the host's part (the server keeps its ring in the database)
        services.AddHaloCommerce(database == TestDatabase.Postgres, connectionString);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();

        await using (var db = await provider.GetRequiredService<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var businessId = string.Empty;
        if (seed)
        {
            await provider.GetRequiredService<DemoBusinessSeeder>().SeedAsync(null, null, CancellationToken.None);
            businessId = (await provider.GetRequiredService<IBusinessDirectory>().FindBySlugAsync(DemoBusinessSeeder.DemoSlug, default))!.Id;
        }

        return new CommerceHost(provider, database, connectionString, clock, businessId);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<CommerceDbContext> DbAsync() =>
        await Get<IDbContextFactory<CommerceDbContext>>().CreateDbContextAsync();

    public long Now => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Database == TestDatabase.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            {
                File.Delete(path);
            }
        }
    }
}
