using Dapper;
using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Values;
using HaloAgent.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// Commands on instances: start, raise events, retry, cancel, migrate. Each is one transaction; the workers do the
/// executing. Events are stored first and matched under a per-key lock, so an event racing a suspension is never lost.
/// </summary>
public sealed class FlowRuntime(EngineDatabase database, CompiledFlowCache flows, WorkSignal signal, TimeProvider clock, IEnumerable<IRaisedEventHandler> handlers)
{
    private readonly IRaisedEventHandler[] _handlers = handlers.ToArray();

    public async Task<StartResult> StartAsync(TenantScope scope, string flowId, StartRequest request, CancellationToken cancellationToken)
    {
        request = request with
        {
            Input = PlainValue.Normalize(request.Input),
            Variables = request.Variables?.ToDictionary(v => v.Key, v => PlainValue.Normalize(v.Value), StringComparer.Ordinal),
        };
        var active = await database.ReadAsync((db, ct) => db.Flows.Where(f => f.Id == flowId).Select(f => new { f.ActiveVersion, f.TenantId }).SingleOrDefaultAsync(ct), cancellationToken);
        if (active is null || !scope.Includes(active.TenantId))
        {
            throw new FlowNotFoundException($"There is no flow '{flowId}'.");
        }

        if (active.ActiveVersion is not { } version)
        {
            throw new FlowConflictException($"Flow '{flowId}' has no published version; publish it before starting it.");
        }

        var flow = await flows.GetAsync(flowId, version, cancellationToken);
        var startNode = request.StartNodeId is { } requested
            ? flow.StartNodes.FirstOrDefault(n => n.Id == requested) ?? throw new FlowConflictException($"Flow '{flowId}' has no Start node '{requested}'.")
            : flow.StartNodes[0];
        // One autocommit insert: the unique indexes (singleton key, start key) make it safe without a transaction. The id
        // is chosen once, so a retry after a lost acknowledgement finds its own row instead of starting a second one.
        var instanceId = InstanceInserter.NewId();
        var result = await database.ExecuteAsync(async (connection, ct) =>
        {
            var id = await InstanceInserter.TryInsertAsync(connection, null, flow, active.TenantId ?? scope.TenantId, startNode.Id, request, Now(), instanceId, ct);
            if (id is not null)
            {
                return new StartResult(id, version, Started: true);
            }

            var existing = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT id FROM flow_instances WHERE id = @Id OR (start_key = @StartKey) OR (flow_id = @FlowId AND singleton_key = @SingletonKey)",
                new { Id = instanceId, request.StartKey, FlowId = flowId, SingletonKey = request.CorrelationKey ?? "" }, cancellationToken: ct));
            if (existing == instanceId)
            {
                return new StartResult(instanceId, version, Started: true);
            }
            return new StartResult(existing ?? "", version, Started: false,
                request.StartKey is not null ? "An instance was already started with this start key." : $"'{flowId}' is a singleton flow and an instance is already running for '{request.CorrelationKey}'.");
        }, cancellationToken);
        if (result.Started)
        {
            signal.Notify();
        }

        return result;
    }

    /// <summary>
    /// Starts a flow for one fire time of its cron trigger. Every node fires every trigger; the start key makes the
    /// database accept exactly one of them.
    /// </summary>
    public Task<StartResult> StartScheduledAsync(string flowId, string nodeId, DateTimeOffset fireTime, CancellationToken cancellationToken) =>
        StartAsync(TenantScope.All, flowId, new StartRequest
        {
            StartNodeId = nodeId,
            StartKey = $"schedule:{flowId}:{nodeId}:{fireTime.ToUnixTimeSeconds()}",
            Input = new Dictionary<string, object?> { ["scheduledAt"] = fireTime.ToString("O") },
        }, cancellationToken);

    /// <summary>
    /// Stores the event, resumes every instance waiting for it and starts every flow it triggers. When nothing takes
    /// it, it stays pending: an instance of this key that is still running takes it as soon as it suspends. A tenant's
    /// event starts that tenant's flows and platform flows, and resumes only that tenant's instances.
    /// </summary>
    public async Task<EventResult> RaiseAsync(EventRequest request, CancellationToken cancellationToken)
    {
        request = request with { Payload = PlainValue.Normalize(request.Payload) };
        // Plain SQL: this runs for every customer message, and EF's query preparation cost more than the query.
        var triggers = await database.ReadAsync(
            async (db, ct) =>
            {
                await db.Database.OpenConnectionAsync(ct);
                return (await db.Database.GetDbConnection().QueryAsync<(string FlowId, int Version, string NodeId, string? TenantId)>(new CommandDefinition(
                    "SELECT flow_id, version, node_id, tenant_id FROM flow_triggers WHERE kind = @Kind AND event_name = @Name AND (tenant_id IS NULL OR tenant_id = @Tenant)",
                    new { Kind = StartActivity.Triggers.Event, request.Name, request.Tenant }, cancellationToken: ct))).ToList();
            },
            cancellationToken);
        var compiled = new List<(CompiledFlow Flow, string NodeId, string? TenantId)>();
        foreach (var (flowId, version, nodeId, tenantId) in triggers)
        {
            compiled.Add((await flows.GetAsync(flowId, version, cancellationToken), nodeId, tenantId ?? request.Tenant));
        }

        var result = await RaiseCoreAsync(request, null, compiled, cancellationToken);
        if (result.ResumedInstances.Count + result.StartedInstances.Count > 0)
        {
            signal.Notify();
        }

        return result;
    }

    /// <summary>Sends an event to one instance's bookmarks only (e.g. from the Studio's test run).</summary>
    public async Task<EventResult> RaiseForInstanceAsync(TenantScope scope, string instanceId, string name, object? payload, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(scope, instanceId, cancellationToken);
        if (Enum.Parse<InstanceStatus>(instance.Status).IsFinished())
        {
            throw new InstanceStateException($"Instance {instanceId} is {instance.Status}; it no longer takes events.");
        }

        var correlation = await database.ReadAsync(
            (db, ct) => db.Bookmarks.Where(b => b.InstanceId == instanceId && b.EventName == name && b.ResumedEventId == null).Select(b => b.CorrelationKey).FirstOrDefaultAsync(ct),
            cancellationToken);
        if (correlation is null)
        {
            throw new InstanceStateException($"Instance {instanceId} is not waiting for '{name}'.");
        }

        var result = await RaiseCoreAsync(new EventRequest(name, correlation, PlainValue.Normalize(payload)) { Tenant = instance.TenantId }, instanceId, [], cancellationToken);
        if (result.ResumedInstances.Count == 0)
        {
            throw new InstanceStateException($"Instance {instanceId} stopped waiting for '{name}' before the event arrived.");
        }

        signal.Notify();
        return result;
    }

    private Task<EventResult> RaiseCoreAsync(EventRequest request, string? instanceId, List<(CompiledFlow Flow, string NodeId, string? TenantId)> triggers, CancellationToken cancellationToken) =>
        database.WriteAsync(async scope =>
        {
            var now = Now();
            var eventId = request.EventId ?? RowIds.New();
            await scope.Dialect.LockKeysAsync(scope.Connection, scope.Transaction, [SqlDialect.KeyHash(request.Name, request.CorrelationKey)], scope.CancellationToken);
            var inserted = await scope.Connection.ExecuteAsync(scope.Command(
                "INSERT INTO flow_events (id, tenant_id, name, correlation_key, payload, created_at, consumed_at) VALUES (@Id, @Tenant, @Name, @CorrelationKey, @Payload, @Now, NULL) ON CONFLICT DO NOTHING",
                new { Id = eventId, request.Tenant, request.Name, request.CorrelationKey, Payload = PlainValue.Serialize(request.Payload), Now = now }));
            if (inserted == 0)
            {
                return new EventResult(eventId, Duplicate: true, [], []);
            }

            // Events sent to one instance (test runs, the instance API) are not the business's domain events.
            if (instanceId is null)
            {
                foreach (var handler in _handlers)
                {
                    await handler.HandleAsync(scope, eventId, request, now);
                }
            }

            var resumed = await EventMatcher.ResumeAsync(scope, eventId, request, instanceId, now);
            var started = new List<string>();
            foreach (var (flow, nodeId, tenantId) in triggers)
            {
                if (!EventTriggers.Hold(flow, nodeId, request.Payload, clock.GetUtcNow()))
                {
                    continue;
                }

                var startRequest = new StartRequest { CorrelationKey = request.CorrelationKey, Input = request.Payload, StartKey = $"event:{eventId}:{flow.FlowId}:{nodeId}" };
                if (await InstanceInserter.TryInsertAsync(scope, flow, tenantId, nodeId, startRequest, now) is { } id)
                {
                    started.Add(id);
                }
            }

            if (resumed.Count + started.Count > 0)
            {
                await scope.Connection.ExecuteAsync(scope.Command("UPDATE flow_events SET consumed_at = @Now WHERE id = @Id", new { Now = now, Id = eventId }));
            }

            return new EventResult(eventId, Duplicate: false, resumed, started);
        }, cancellationToken);

    /// <summary>Runs the faulted node again (with the same idempotency key as the failed attempt).</summary>
    public async Task RetryAsync(TenantScope scope, string instanceId, CancellationToken cancellationToken)
    {
        await UpdateStateAsync(await FindAsync(scope, instanceId, cancellationToken), InstanceStatus.Faulted, "retried", "UPDATE flow_instances SET wake_at = @Now, runnable_since = @Now, row_version = row_version + 1, sequence = sequence + 1, updated_at = @Now WHERE id = @Id AND status = 'Faulted' RETURNING sequence", cancellationToken);
        signal.Notify();
    }

    public async Task CancelAsync(TenantScope scope, string instanceId, CancellationToken cancellationToken) =>
        await UpdateStateAsync(await FindAsync(scope, instanceId, cancellationToken), null, "cancelled", """
            UPDATE flow_instances SET status = 'Cancelled', wake_at = NULL, singleton_key = NULL, wait = NULL, completed_at = @Now,
                row_version = row_version + 1, sequence = sequence + 1, updated_at = @Now
            WHERE id = @Id AND status IN ('Running', 'Waiting', 'Faulted')
            RETURNING sequence
            """, cancellationToken);

    /// <summary>
    /// Moves a waiting (or faulted) instance to another frozen version, continuing at <paramref name="nodeId"/>. Completed
    /// steps are not re-run: variables and journal carry over, only the position changes.
    /// </summary>
    public async Task MigrateAsync(TenantScope scope, string instanceId, int version, string nodeId, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(scope, instanceId, cancellationToken);
        var target = await flows.GetAsync(instance.FlowId, version, cancellationToken);
        if (!target.HasNode(nodeId))
        {
            throw new InstanceStateException($"Version {version} of '{instance.FlowId}' has no node '{nodeId}'.");
        }

        if (target.Activity(nodeId).Descriptor.IsStart)
        {
            throw new InstanceStateException("Migrating to a Start node would re-run the flow from the beginning; pick the node to continue at.");
        }

        await UpdateStateAsync(instance, null, $"migrated to v{version} at {nodeId}", """
            UPDATE flow_instances SET version = @Version, current_node_id = @NodeId, status = 'Running', wait = NULL, incident = NULL,
                wake_at = @Now, runnable_since = @Now, row_version = row_version + 1, sequence = sequence + 1, updated_at = @Now
            WHERE id = @Id AND status IN ('Waiting', 'Faulted')
            RETURNING sequence
            """, cancellationToken, new { Version = version, NodeId = nodeId });
        signal.Notify();
    }

    private async Task UpdateStateAsync(Persistence.Records.InstanceRecord instance, InstanceStatus? required, string action, string sql, CancellationToken cancellationToken, object? extra = null)
    {
        var instanceId = instance.Id;
        await database.WriteAsync(async scope =>
        {
            var now = Now();
            var keys = await BookmarkKeysAsync(scope, instanceId);
            await scope.Dialect.LockKeysAsync(scope.Connection, scope.Transaction, keys, scope.CancellationToken);
            var parameters = new DynamicParameters(extra);
            parameters.Add("Now", now);
            parameters.Add("Id", instanceId);
            var sequence = await scope.Connection.ExecuteScalarAsync<long?>(scope.Command(sql, parameters));
            if (sequence is null)
            {
                var current = await scope.Connection.QuerySingleAsync<string>(scope.Command("SELECT status FROM flow_instances WHERE id = @Id", new { Id = instanceId }));
                throw new InstanceStateException(required is { } r
                    ? $"Instance {instanceId} is {current}; only a {r} instance can be {action}."
                    : $"Instance {instanceId} is {current}; it cannot be {action}.");
            }

            await scope.Connection.ExecuteAsync(scope.Command("DELETE FROM flow_bookmarks WHERE instance_id = @Id AND resumed_event_id IS NULL", new { Id = instanceId }));
            await JournalWriter.AppendAsync(scope, instanceId, new JournalEntry
            {
                Sequence = sequence.Value,
                NodeId = instance.CurrentNodeId ?? "",
                ActivityType = "(runtime)",
                Kind = action.Split(' ')[0],
                Outcome = action,
                StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(now),
            });
        }, cancellationToken);
    }

    private static async Task<IReadOnlyList<long>> BookmarkKeysAsync(WriteScope scope, string instanceId) =>
        (await scope.Connection.QueryAsync<(string EventName, string CorrelationKey)>(scope.Command(
            "SELECT event_name, correlation_key FROM flow_bookmarks WHERE instance_id = @Id", new { Id = instanceId })))
        .Select(b => SqlDialect.KeyHash(b.EventName, b.CorrelationKey)).ToList();

    /// <summary>The instance, or not found when it does not exist or belongs to another tenant.</summary>
    private async Task<Persistence.Records.InstanceRecord> FindAsync(TenantScope scope, string instanceId, CancellationToken cancellationToken)
    {
        var instance = await database.ReadAsync((db, ct) => db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, ct), cancellationToken);
        return instance is not null && scope.Includes(instance.TenantId) ? instance : throw new InstanceNotFoundException(instanceId);
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
