using System.Collections.Concurrent;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;
using HaloAgent.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Engine.Runtime.Management;

/// <summary>Compiled flow versions by (flow, version). Frozen versions never change, so an entry never goes stale.</summary>
public sealed class CompiledFlowCache(EngineDatabase database, FlowCompiler compiler)
{
    private readonly ConcurrentDictionary<(string, int), Task<CompiledFlow>> _cache = new();

    public async Task<CompiledFlow> GetAsync(string flowId, int version, CancellationToken cancellationToken)
    {
        var task = _cache.GetOrAdd((flowId, version), key => LoadAsync(key.Item1, key.Item2));
        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch when (task.IsFaulted || task.IsCanceled)
        {
            _cache.TryRemove(new KeyValuePair<(string, int), Task<CompiledFlow>>((flowId, version), task));
            throw;
        }
    }

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

        return compiler.Compile(FlowJson.Deserialize(record.Definition), version);
    }
}
