using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>Read side of instances: lists for the Studio, one instance with its journal; a tenant sees only its own.</summary>
public sealed class InstanceQueries(EngineDatabase database)
{
    public Task<IReadOnlyList<InstanceSummary>> ListAsync(TenantScope scope, InstanceFilter filter, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<InstanceSummary>>(async (db, ct) =>
        {
            var query = db.Instances.AsQueryable();
            if (scope.TenantId is { } tenant) query = query.Where(i => i.TenantId == tenant);
            if (filter.FlowId is { } flowId) query = query.Where(i => i.FlowId == flowId);
            if (filter.Version is { } version) query = query.Where(i => i.Version == version);
            if (filter.Status is { } status) query = query.Where(i => i.Status == status.ToString());
            if (filter.CorrelationKey is { } key) query = query.Where(i => i.CorrelationKey == key);
            if (filter.CreatedFrom is { } from) query = query.Where(i => i.CreatedAt >= from.ToUnixTimeMilliseconds());
            if (filter.CreatedTo is { } to) query = query.Where(i => i.CreatedAt < to.ToUnixTimeMilliseconds());
            var rows = await query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
                .Skip(Math.Max(0, filter.Skip)).Take(Math.Clamp(filter.Take, 1, 500)).ToListAsync(ct);
            return rows.Select(ToSummary).ToList();
        }, cancellationToken);

    public Task<InstanceDetails> GetAsync(TenantScope scope, string id, CancellationToken cancellationToken) =>
        database.ReadAsync(async (db, ct) =>
        {
            var record = await db.Instances.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (record is null || !scope.Includes(record.TenantId))
            {
                throw new InstanceNotFoundException(id);
            }

            var segments = await db.Journal.Where(j => j.InstanceId == id).OrderBy(j => j.FirstSequence).Select(j => j.Entries).ToListAsync(ct);
            var bookmarks = await db.Bookmarks.Where(b => b.InstanceId == id).OrderBy(b => b.CreatedAt).ToListAsync(ct);
            var journal = new JsonArray();
            foreach (var entry in segments.SelectMany(InstanceStateMapper.ParseJournal))
            {
                journal.Add(entry?.DeepClone());
            }

            var state = InstanceStateMapper.ToState(record);
            return new InstanceDetails(
                ToSummary(record),
                state.Variables,
                state.Event,
                state.Wait,
                state.Incident,
                bookmarks.Select(b => new BookmarkInfo(b.EventName, b.CorrelationKey, b.NodeId, DateTimeOffset.FromUnixTimeMilliseconds(b.CreatedAt), b.ResumedEventId is not null)).ToList(),
                journal);
        }, cancellationToken);

    internal static InstanceSummary ToSummary(InstanceRecord r) => new(
        r.Id, r.FlowId, r.Version, Enum.Parse<InstanceStatus>(r.Status), r.CorrelationKey, r.CurrentNodeId,
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt),
        DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedAt),
        r.CompletedAt is { } c ? DateTimeOffset.FromUnixTimeMilliseconds(c) : null,
        r.WakeAt is { } w ? DateTimeOffset.FromUnixTimeMilliseconds(w) : null);
}
