using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;
using HaloAgent.Engine.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HaloAgent.Engine.Runtime.Management;

/// <summary>
/// Compiled flow versions by (flow, version). Frozen versions never change, so an entry never goes stale; it is let go
/// after a while unused, because versions come and go for good (every Studio test run publishes and deletes one) and a
/// node that runs for months must not keep them all. Compiling again from the stored version is cheap.
/// </summary>
public sealed class CompiledFlowCache(EngineDatabase database, FlowCompiler compiler) : IDisposable
{
    private static readonly TimeSpan KeepUnused = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public async Task<CompiledFlow> GetAsync(string flowId, int version, CancellationToken cancellationToken)
    {
        var key = new Key(flowId, version);
        var task = _cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = KeepUnused;
            return LoadAsync(flowId, version);
        })!;
        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            // A failed load (a version that does not exist yet, a database hiccup) must not be remembered.
            if (_cache.TryGetValue(key, out Task<CompiledFlow>? cached) && cached == task)
            {
                _cache.Remove(key);
            }

            throw;
        }
    }

    public void Dispose() => _cache.Dispose();

    private async Task<CompiledFlow> LoadAsync(string flowId, int version)
    {
        var record = await database.ReadAsync(
            (db, ct) => db.FlowVersions.SingleOrDefaultAsync(v => v.FlowId == flowId && v.Version == version, ct),
            CancellationToken.None)
            ?? throw new FlowNotFoundException($"Flow '{flowId}' has no version {version}.");
        if (record.Status == VersionStatus.Draft)
        {
            throw new FlowConflictException($"Version {version} of '{flowId}' is a draft; only published versions run.");
        }

        return compiler.Compile(FlowJson.Deserialize(record.Definition), version, frozen: true);
    }

    private readonly record struct Key(string FlowId, int Version);
}
