using Dapper;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Values;
using HaloAgent.Platform.Identity;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// Creates runnable instances inside a caller's transaction. The database refuses a second unfinished instance of a
/// singleton flow for the same key, and a second start with the same start key: no check-then-insert race.
/// </summary>
internal static class InstanceInserter
{
    private const string InsertSql = """
        INSERT INTO flow_instances (id, flow_id, tenant_id, version, status, correlation_key, singleton_key, start_key, current_node_id,
            data, sequence, wait, incident, wake_at, runnable_since, lease_owner, lease_until, row_version, created_at, updated_at, completed_at)
        VALUES (@Id, @FlowId, @TenantId, @Version, 'Running', @CorrelationKey, @SingletonKey, @StartKey, @NodeId,
            @Data, 0, NULL, NULL, @Now, @RunnableSince, NULL, NULL, 0, @Now, @Now, NULL)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Callers pass plain values (see <see cref="PlainValue.Normalize"/>): the runtime normalises at its boundary, once.</summary>
    /// <returns>The new instance id, or null when a singleton or start key conflict refused it.</returns>
    /// <param name="tenantId">Who the instance belongs to: the flow's tenant, or for a platform flow the tenant that started it.</param>
    /// <param name="runnableSince">The oldest pending event it may take (default: now, so nothing older than the instance).</param>
    public static Task<string?> TryInsertAsync(WriteScope scope, CompiledFlow flow, string? tenantId, string startNodeId, StartRequest request, long now, long? runnableSince = null) =>
        TryInsertAsync(scope.Connection, scope.Transaction, flow, tenantId, startNodeId, request, now, NewId(), scope.CancellationToken, runnableSince);

    public static string NewId() => RowIds.New();

    public static async Task<string?> TryInsertAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, CompiledFlow flow, string? tenantId, string startNodeId,
        StartRequest request, long now, string instanceId, CancellationToken cancellationToken, long? runnableSince = null)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var variable in flow.Definition.Variables)
        {
            variables[variable.Name] = PlainValue.FromJson(variable.Default);
        }

        foreach (var (name, value) in request.Variables ?? new Dictionary<string, object?>())
        {
            variables[name] = value;
        }

        var state = new FlowInstanceState
        {
            Id = instanceId,
            FlowId = flow.FlowId,
            Version = flow.Version,
            CorrelationKey = request.CorrelationKey,
            CurrentNodeId = startNodeId,
            Variables = variables,
            Event = request.Input,
        };
        var inserted = await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            state.Id,
            FlowId = flow.FlowId,
            TenantId = tenantId,
            flow.Version,
            request.CorrelationKey,
            SingletonKey = flow.Definition.Options.Singleton ? request.CorrelationKey ?? "" : null,
            request.StartKey,
            NodeId = startNodeId,
            Data = InstanceStateMapper.SerializeData(state),
            Now = now,
            RunnableSince = runnableSince ?? now,
        }, transaction, cancellationToken: cancellationToken));
        return inserted == 1 ? state.Id : null;
    }
}
