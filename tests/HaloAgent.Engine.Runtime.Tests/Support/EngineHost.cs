using Dapper;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Engine.Runtime.Tests.Support;

/// <summary>
/// The durable runtime on a real database, with the clock and the workers in the test's hands: background loops are
/// off, and <see cref="DrainAsync"/> runs batches until nothing is due — deterministic, no sleeping.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineHost(ServiceProvider services, ManualClock clock)
    {
        _services = services;
        Clock = clock;
    }

    public ManualClock Clock { get; }

    public FlowStore Store => _services.GetRequiredService<FlowStore>();

    public FlowRuntime Runtime => _services.GetRequiredService<FlowRuntime>();

    public InstanceQueries Instances => _services.GetRequiredService<InstanceQueries>();

    public InstanceBatchRunner Runner => _services.GetRequiredService<InstanceBatchRunner>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<EngineHost> StartAsync(
        DatabaseProvider provider, string connectionString, ManualClock clock, Action<IServiceCollection>? configure = null, string? nodeId = null, int batchSize = 50)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddHaloEngineRuntime(provider, connectionString);
        services.Configure<EngineOptions>(o =>
        {
            o.RunWorkers = false;
            o.NodeId = nodeId;
            o.BatchSize = batchSize;
        });
        configure?.Invoke(services);
        var provider2 = services.BuildServiceProvider();
        await provider2.GetRequiredService<EngineMigrator>().MigrateAsync(CancellationToken.None);
        return new EngineHost(provider2, clock);
    }

    public async Task PublishAsync(string json)
    {
        await Store.ImportAsync(TenantScope.All, FlowJson.Deserialize(json), publish: true, CancellationToken.None);
    }

    public Task<int> DrainAsync() => Runner.RunUntilIdleAsync(CancellationToken.None);

    public Task<InstanceDetails> GetAsync(string id) => Instances.GetAsync(TenantScope.All, id, CancellationToken.None);

    public async Task<string> StartAsync(string flowId, string? correlationKey = null, object? input = null)
    {
        var result = await Runtime.StartAsync(TenantScope.All, flowId, new StartRequest { CorrelationKey = correlationKey, Input = input }, CancellationToken.None);
        result.Started.ShouldBeTrue(result.Reason);
        return result.InstanceId;
    }

    public Task<EventResult> RaiseAsync(string name, string key, object? payload = null, string? eventId = null) =>
        Runtime.RaiseAsync(new EventRequest(name, key, payload) { EventId = eventId }, CancellationToken.None);

    /// <summary>Raw SQL for assertions and for simulating what another node or a crash would leave behind.</summary>
    public async Task<T> SqlAsync<T>(Func<System.Data.Common.DbConnection, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        return await query(db.Database.GetDbConnection());
    }

    public Task<int> ExecuteSqlAsync(string sql, object? parameters = null) => SqlAsync(c => c.ExecuteAsync(sql, parameters));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
