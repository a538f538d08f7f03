using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HaloAgent.Bench;

/// <summary>
/// The durable runtime on PostgreSQL, built the way the runtime tests' EngineHost builds it: the real services from
/// <c>AddHaloEngineRuntime</c>, the real clock, no logging providers, and the background workers off
/// (<see cref="EngineOptions.RunWorkers"/> = false) so the benchmark drives <see cref="InstanceBatchRunner"/> itself.
/// </summary>
public sealed class EngineRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineRuntime(ServiceProvider services)
    {
        _services = services;
    }

    public FlowStore Store => _services.GetRequiredService<FlowStore>();

    public FlowRuntime Runtime => _services.GetRequiredService<FlowRuntime>();

    public InstanceBatchRunner Runner => _services.GetRequiredService<InstanceBatchRunner>();

    public WorkSignal Signal => _services.GetRequiredService<WorkSignal>();

    public EngineOptions Options => _services.GetRequiredService<IOptions<EngineOptions>>().Value;

    /// <param name="inMemorySplit">
    /// Diagnostic only: swap the runtime's <c>PersistentVariantAssigner</c> (a database call per Split execution) back to
    /// the engine core's stateless <see cref="HashingVariantAssigner"/>, to measure what that call costs.
    /// </param>
    public static async Task<EngineRuntime> StartAsync(string connectionString, int batchSize, bool inMemorySplit = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHaloEngineRuntime(DatabaseProvider.Postgres, connectionString);
        if (inMemorySplit)
        {
            services.Replace(ServiceDescriptor.Singleton<IVariantAssigner, HashingVariantAssigner>());
        }

        services.Configure<EngineOptions>(o =>
        {
            o.RunWorkers = false;
            o.BatchSize = batchSize;
        });
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<EngineMigrator>().MigrateAsync(CancellationToken.None);
        return new EngineRuntime(provider);
    }

    public Task PublishAsync(string json) => Store.ImportAsync(TenantScope.All, FlowJson.Deserialize(json), publish: true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
    }
}
