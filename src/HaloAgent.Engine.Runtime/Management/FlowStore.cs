using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;
using HaloAgent.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Engine.Runtime.Management;

/// <summary>
/// Flow definitions and their versions. Reading never writes: only saving a draft creates one. Publishing freezes
/// the draft as version N and makes it the one new instances start on; instances already running keep theirs.
/// </summary>
public sealed class FlowStore(EngineDatabase database, FlowCompiler compiler, TimeProvider clock)
{
    public event Action? TriggersChanged;

    public Task<IReadOnlyList<FlowSummary>> ListAsync(TenantScope scope, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<FlowSummary>>(async (db, ct) =>
        {
            var tenant = scope.TenantId;
            var flows = await db.Flows.Where(f => tenant == null || f.TenantId == tenant).OrderBy(f => f.Id).ToListAsync(ct);
            var ids = flows.Select(f => f.Id).ToList();
            var drafts = (await db.FlowVersions.Where(v => v.Status == VersionStatus.Draft && ids.Contains(v.FlowId)).Select(v => v.FlowId).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            return flows.Select(f => ToSummary(f, drafts.Contains(f.Id))).ToList();
        }, cancellationToken);

    /// <summary>Whether any tenant has a flow with this id: ids are unique across the platform.</summary>
    public Task<bool> ExistsAsync(string flowId, CancellationToken cancellationToken) =>
        database.ReadAsync((db, ct) => db.Flows.AnyAsync(f => f.Id == flowId, ct), cancellationToken);

    public Task<FlowSummary> GetAsync(TenantScope scope, string flowId, CancellationToken cancellationToken) =>
        database.ReadAsync(async (db, ct) =>
        {
            var flow = await FindAsync(db, scope, flowId, ct);
            var hasDraft = await db.FlowVersions.AnyAsync(v => v.FlowId == flowId && v.Status == VersionStatus.Draft, ct);
            return ToSummary(flow, hasDraft);
        }, cancellationToken);

    public Task<IReadOnlyList<FlowVersionInfo>> VersionsAsync(TenantScope scope, string flowId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<FlowVersionInfo>>(async (db, ct) =>
        {
            await FindAsync(db, scope, flowId, ct);
            var versions = await db.FlowVersions.Where(v => v.FlowId == flowId).OrderByDescending(v => v.Version).ToListAsync(ct);
            return versions.Select(ToInfo).ToList();
        }, cancellationToken);

    /// <summary>A version's document; without a version number, the draft if there is one, else the active or latest version.</summary>
    public Task<FlowVersionDocument> GetVersionAsync(TenantScope scope, string flowId, int? version, CancellationToken cancellationToken) =>
        database.ReadAsync(async (db, ct) =>
        {
            var flow = await FindAsync(db, scope, flowId, ct);
            var query = db.FlowVersions.Where(v => v.FlowId == flowId);
            var record = version is { } v
                ? await query.SingleOrDefaultAsync(x => x.Version == v, ct)
                : await query.OrderByDescending(x => x.Status == VersionStatus.Draft).ThenByDescending(x => x.Version == flow.ActiveVersion).ThenByDescending(x => x.Version).FirstOrDefaultAsync(ct);
            if (record is null)
            {
                throw new FlowNotFoundException($"Flow '{flowId}' has no version {version}.");
            }

            return new FlowVersionDocument(ToInfo(record), FlowJson.Deserialize(record.Definition));
        }, cancellationToken);

    /// <summary>
    /// Saves the draft (creating it, and the flow, when there is none). <paramref name="expectedRevision"/> is the
    /// revision the editor loaded; if someone saved since, the save is refused rather than overwriting their work.
    /// Drafts may be invalid: validation runs on demand and at publish. A new flow belongs to the scope's tenant.
    /// </summary>
    /// <exception cref="FlowTooLargeException">More nodes or edges than the limits allow; nothing is stored.</exception>
    public Task<FlowVersionInfo> SaveDraftAsync(TenantScope tenant, FlowDefinition definition, int? expectedRevision, CancellationToken cancellationToken)
    {
        compiler.EnsureWithinLimits(definition);
        return database.WriteAsync(async scope =>
        {
            var db = scope.Db;
            var now = Now();
            var flow = await db.Flows.SingleOrDefaultAsync(f => f.Id == definition.Id, scope.CancellationToken);
            if (flow is null)
            {
                flow = new FlowRecord { Id = definition.Id, TenantId = tenant.TenantId, Name = definition.Name, CreatedAt = now };
                db.Flows.Add(flow);
            }
            else if (!tenant.Includes(flow.TenantId))
            {
                // Ids are unique across the platform; say only that this one is taken, not by whom.
                throw new FlowConflictException($"The flow id '{definition.Id}' is already in use; choose another id.");
            }

            flow.Name = definition.Name;
            flow.Description = definition.Description;
            flow.UpdatedAt = now;
            var draft = await db.FlowVersions.SingleOrDefaultAsync(v => v.FlowId == definition.Id && v.Status == VersionStatus.Draft, scope.CancellationToken);
            if (draft is null)
            {
                flow.LatestVersion++;
                draft = new FlowVersionRecord
                {
                    FlowId = definition.Id,
                    Version = flow.LatestVersion,
                    Status = VersionStatus.Draft,
                    Definition = "",
                    CreatedAt = now,
                };
                db.FlowVersions.Add(draft);
            }
            else if (expectedRevision is { } expected && expected != draft.Revision)
            {
                throw new FlowConflictException(
                    $"The draft of '{definition.Id}' was saved by someone else (revision {draft.Revision}, you edited {expected}). Reload it and apply your change again.");
            }

            draft.Definition = FlowJson.Serialize(definition with { Version = draft.Version });
            draft.Revision++;
            draft.UpdatedAt = now;
            await db.SaveChangesAsync(scope.CancellationToken);
            return ToInfo(draft);
        }, cancellationToken);
    }

    public Task DiscardDraftAsync(TenantScope tenant, string flowId, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            var flow = await FindAsync(scope.Db, tenant, flowId, scope.CancellationToken);
            var draft = await scope.Db.FlowVersions.SingleOrDefaultAsync(v => v.FlowId == flowId && v.Status == VersionStatus.Draft, scope.CancellationToken)
                ?? throw new FlowNotFoundException($"Flow '{flowId}' has no draft.");
            scope.Db.FlowVersions.Remove(draft);
            flow.LatestVersion--;
            if (flow.LatestVersion == 0)
            {
                scope.Db.Flows.Remove(flow);
            }

            await scope.Db.SaveChangesAsync(scope.CancellationToken);
        }, cancellationToken);

    /// <summary>Publishes the draft as a frozen version; invalid drafts raise <see cref="FlowValidationException"/> and change nothing.</summary>
    public async Task<FlowVersionInfo> PublishAsync(TenantScope tenant, string flowId, CancellationToken cancellationToken)
    {
        var result = await database.WriteAsync(async scope =>
        {
            var db = scope.Db;
            var flow = await FindAsync(db, tenant, flowId, scope.CancellationToken);
            var draft = await db.FlowVersions.SingleOrDefaultAsync(v => v.FlowId == flowId && v.Status == VersionStatus.Draft, scope.CancellationToken)
                ?? throw new FlowConflictException($"Flow '{flowId}' has no draft to publish.");
            var compiled = compiler.Compile(FlowJson.Deserialize(draft.Definition), draft.Version);
            var now = Now();
            draft.Status = VersionStatus.Published;
            draft.PublishedAt = now;
            draft.UpdatedAt = now;
            flow.ActiveVersion = draft.Version;
            flow.UpdatedAt = now;
            await ReplaceTriggersAsync(db, flow, compiled, scope.CancellationToken);
            await db.SaveChangesAsync(scope.CancellationToken);
            return ToInfo(draft);
        }, cancellationToken);
        TriggersChanged?.Invoke();
        return result;
    }

    /// <summary>Stops new instances (triggers and starts); running instances finish on their version.</summary>
    public async Task<FlowVersionInfo> RetractAsync(TenantScope tenant, string flowId, CancellationToken cancellationToken)
    {
        var result = await database.WriteAsync(async scope =>
        {
            var db = scope.Db;
            var flow = await FindAsync(db, tenant, flowId, scope.CancellationToken);
            if (flow.ActiveVersion is not { } active)
            {
                throw new FlowConflictException($"Flow '{flowId}' has no published version to retract.");
            }

            var version = await db.FlowVersions.SingleAsync(v => v.FlowId == flowId && v.Version == active, scope.CancellationToken);
            version.Status = VersionStatus.Retracted;
            version.UpdatedAt = Now();
            flow.ActiveVersion = null;
            flow.UpdatedAt = version.UpdatedAt;
            await ReplaceTriggersAsync(db, flow, null, scope.CancellationToken);
            await db.SaveChangesAsync(scope.CancellationToken);
            return ToInfo(version);
        }, cancellationToken);
        TriggersChanged?.Invoke();
        return result;
    }

    /// <summary>
    /// Imports a flow document: it becomes the draft, and is published too when asked. It is validated before anything
    /// is stored, so an invalid (or too large) import leaves nothing behind, published or not.
    /// </summary>
    public async Task<FlowVersionInfo> ImportAsync(TenantScope tenant, FlowDefinition definition, bool publish, CancellationToken cancellationToken)
    {
        compiler.EnsureWithinLimits(definition);
        var errors = compiler.Validate(definition);
        if (errors.Count > 0)
        {
            throw new FlowValidationException(errors);
        }

        var draft = await SaveDraftAsync(tenant, definition, expectedRevision: null, cancellationToken);
        return publish ? await PublishAsync(tenant, definition.Id, cancellationToken) : draft;
    }

    /// <summary>
    /// Gives a flow that belongs to no tenant (one made before flows had owners), with its triggers and instances, to
    /// <paramref name="tenantId"/>. A flow that already has an owner is left alone; returns whether it moved.
    /// </summary>
    public async Task<bool> AdoptAsync(string flowId, string tenantId, CancellationToken cancellationToken)
    {
        var moved = await database.WriteAsync(async scope =>
        {
            var db = scope.Db;
            var ct = scope.CancellationToken;
            if (await db.Flows.Where(f => f.Id == flowId && f.TenantId == null).ExecuteUpdateAsync(u => u.SetProperty(f => f.TenantId, tenantId), ct) == 0)
            {
                return false;
            }

            await db.FlowTriggers.Where(t => t.FlowId == flowId).ExecuteUpdateAsync(u => u.SetProperty(t => t.TenantId, tenantId), ct);
            await db.Instances.Where(i => i.FlowId == flowId && i.TenantId == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.TenantId, tenantId), ct);
            return true;
        }, cancellationToken);
        if (moved)
        {
            TriggersChanged?.Invoke();
        }

        return moved;
    }

    /// <summary>
    /// Deletes a flow with its versions and triggers. Its instances are not touched, so a flow that still has unfinished
    /// ones is refused (they could no longer run); finished ones are the caller's to keep or delete. False when there is
    /// no such flow in the scope (already deleted, or another tenant's).
    /// </summary>
    public async Task<bool> DeleteAsync(TenantScope tenant, string flowId, CancellationToken cancellationToken)
    {
        var deleted = await database.WriteAsync(async scope =>
        {
            var db = scope.Db;
            var ct = scope.CancellationToken;
            var flow = await db.Flows.SingleOrDefaultAsync(f => f.Id == flowId, ct);
            if (flow is null || !tenant.Includes(flow.TenantId))
            {
                return false;
            }

            var finished = new[] { nameof(Execution.InstanceStatus.Completed), nameof(Execution.InstanceStatus.Cancelled) };
            if (await db.Instances.AnyAsync(i => i.FlowId == flowId && !finished.Contains(i.Status), ct))
            {
                throw new FlowConflictException($"Flow '{flowId}' still has instances that are not finished; cancel them before deleting it.");
            }

            await db.FlowTriggers.Where(t => t.FlowId == flowId).ExecuteDeleteAsync(ct);
            await db.FlowVersions.Where(v => v.FlowId == flowId).ExecuteDeleteAsync(ct);
            await db.Flows.Where(f => f.Id == flowId).ExecuteDeleteAsync(ct);
            return true;
        }, cancellationToken);
        if (deleted)
        {
            TriggersChanged?.Invoke();
        }

        return deleted;
    }

    private static async Task ReplaceTriggersAsync(EngineDbContext db, FlowRecord flow, Execution.CompiledFlow? compiled, CancellationToken cancellationToken)
    {
        var flowId = flow.Id;
        await db.FlowTriggers.Where(t => t.FlowId == flowId).ExecuteDeleteAsync(cancellationToken);
        foreach (var start in compiled?.StartNodes ?? [])
        {
            var trigger = StartActivity.NodeText(start, "trigger") ?? StartActivity.Triggers.Manual;
            if (trigger == StartActivity.Triggers.Manual)
            {
                continue;
            }

            db.FlowTriggers.Add(new FlowTriggerRecord
            {
                FlowId = flowId,
                TenantId = flow.TenantId,
                NodeId = start.Id,
                Version = compiled!.Version,
                Kind = trigger,
                EventName = trigger == StartActivity.Triggers.Event ? StartActivity.NodeText(start, "event") : null,
                Cron = trigger == StartActivity.Triggers.Schedule ? StartActivity.NodeText(start, "cron") : null,
            });
        }
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static FlowNotFoundException NotFound(string flowId) => new($"There is no flow '{flowId}'.");

    /// <summary>The flow, or not found when it does not exist or belongs to another tenant: to a tenant they are the same.</summary>
    private static async Task<FlowRecord> FindAsync(EngineDbContext db, TenantScope scope, string flowId, CancellationToken cancellationToken)
    {
        var flow = await db.Flows.SingleOrDefaultAsync(f => f.Id == flowId, cancellationToken);
        return flow is not null && scope.Includes(flow.TenantId) ? flow : throw NotFound(flowId);
    }

    private static FlowSummary ToSummary(FlowRecord f, bool hasDraft) =>
        new(f.Id, f.Name, f.Description, f.ActiveVersion, f.LatestVersion, hasDraft, DateTimeOffset.FromUnixTimeMilliseconds(f.UpdatedAt));

    private static FlowVersionInfo ToInfo(FlowVersionRecord v) => new(
        v.FlowId,
        v.Version,
        v.Status,
        v.Revision,
        DateTimeOffset.FromUnixTimeMilliseconds(v.CreatedAt),
        DateTimeOffset.FromUnixTimeMilliseconds(v.UpdatedAt),
        v.PublishedAt is { } p ? DateTimeOffset.FromUnixTimeMilliseconds(p) : null);
}
