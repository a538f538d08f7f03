using Dapper;
using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// A singleton flow refuses a second start while its instance for the key is unfinished; the refused event stays
/// pending. When the instance ends, an event that arrived during its last run and triggers the flow starts the next
/// instance (a customer's message sent while the order was being placed gets a new conversation instead of silence).
/// Only the last run counts: a journey that ends after months must not restart from an event it ignored while it waited.
/// </summary>
internal sealed class SingletonSuccessors
{
    private readonly Dictionary<string, List<Trigger>> _triggers;

    private SingletonSuccessors(Dictionary<string, List<Trigger>> triggers) => _triggers = triggers;

    public static readonly SingletonSuccessors None = new([]);

    /// <summary>The event names whose per-key lock the commit takes, so a raise racing the end is seen by one side.</summary>
    public IEnumerable<long> LockKeys(IEnumerable<Ending> endings) =>
        endings.SelectMany(e => _triggers.GetValueOrDefault(e.FlowId, []).Select(t => SqlDialect.KeyHash(t.EventName, e.CorrelationKey)));

    /// <summary>Reads the event triggers of the singleton flows these runs belong to (outside the commit's transaction).</summary>
    public static async Task<SingletonSuccessors> LoadAsync(EngineDatabase database, CompiledFlowCache flows, IReadOnlyCollection<string> flowIds, CancellationToken cancellationToken)
    {
        if (flowIds.Count == 0)
        {
            return None;
        }

        var rows = await database.ReadAsync(
            async (db, ct) =>
            {
                await db.Database.OpenConnectionAsync(ct);
                return (await db.Database.GetDbConnection().QueryAsync<(string FlowId, int Version, string NodeId, string? TenantId, string EventName)>(new CommandDefinition(
                    $"SELECT flow_id, version, node_id, tenant_id, event_name FROM flow_triggers WHERE kind = @Kind AND {database.Dialect.InList("flow_id", "@Ids")}",
                    new { Kind = StartActivity.Triggers.Event, Ids = flowIds.ToList() }, cancellationToken: ct))).ToList();
            },
            cancellationToken);
        var triggers = new Dictionary<string, List<Trigger>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var flow = await flows.GetAsync(row.FlowId, row.Version, cancellationToken);
            (triggers.TryGetValue(row.FlowId, out var list) ? list : triggers[row.FlowId] = []).Add(new Trigger(flow, row.NodeId, row.TenantId, row.EventName));
        }

        return new SingletonSuccessors(triggers);
    }

    /// <summary>Starts the successor of each ended instance; call after the ended rows (singleton key cleared) are saved.</summary>
    /// <returns>How many instances were started.</returns>
    public async Task<int> StartAsync(WriteScope scope, IEnumerable<Ending> endings, long now)
    {
        var started = 0;
        foreach (var ending in endings)
        {
            var triggers = _triggers.GetValueOrDefault(ending.FlowId, []);
            if (triggers.Count == 0)
            {
                continue;
            }

            var events = await scope.Connection.QueryAsync<(string Id, string Name, string? Payload, string? TenantId, long CreatedAt)>(scope.Command($"""
                SELECT id, name, payload, tenant_id, created_at FROM flow_events
                WHERE consumed_at IS NULL AND correlation_key = @Key AND {scope.Dialect.InList("name", "@Names")} AND created_at >= @Since
                ORDER BY created_at, id
                """, new { Key = ending.CorrelationKey, Names = triggers.Select(t => t.EventName).Distinct().ToList(), ending.Since }));
            foreach (var raised in events)
            {
                var payload = Resumes.ParsePayload(raised.Payload);
                var trigger = triggers.FirstOrDefault(t => t.EventName == raised.Name && (t.TenantId is null || t.TenantId == raised.TenantId)
                    && EventTriggers.Hold(t.Flow, t.NodeId, payload, DateTimeOffset.FromUnixTimeMilliseconds(now)));
                if (trigger is null)
                {
                    continue;
                }

                var request = new StartRequest { CorrelationKey = ending.CorrelationKey, Input = payload, StartKey = $"event:{raised.Id}:{ending.FlowId}:{trigger.NodeId}" };
                // Its floor is the event's own time, so the other events of the same burst are taken by it in order.
                if (await InstanceInserter.TryInsertAsync(scope, trigger.Flow, trigger.TenantId ?? raised.TenantId, trigger.NodeId, request, now, runnableSince: raised.CreatedAt) is not null)
                {
                    await scope.Connection.ExecuteAsync(scope.Command("UPDATE flow_events SET consumed_at = @Now WHERE id = @Id", new { Now = now, raised.Id }));
                    started++;
                }

                break;
            }
        }

        return started;
    }

    /// <summary>A singleton instance that ended in this commit, and the floor of its last run.</summary>
    public sealed record Ending(string InstanceId, string FlowId, string CorrelationKey, long Since);

    private sealed record Trigger(CompiledFlow Flow, string NodeId, string? TenantId, string EventName);
}
