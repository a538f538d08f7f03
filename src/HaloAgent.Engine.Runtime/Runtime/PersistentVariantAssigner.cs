using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>Sticky A/B assignment recorded in <c>flow_variant_assignments</c>: the first assignment of a subject wins, on every node.</summary>
public sealed class PersistentVariantAssigner(EngineDatabase database, TimeProvider clock) : IVariantAssigner
{
    public async ValueTask<string> AssignAsync(VariantAssignmentRequest request, CancellationToken cancellationToken)
    {
        var names = request.Variants.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        return await database.WriteAsync(async scope =>
        {
            var key = new { request.FlowId, request.NodeId, request.Subject };
            const string select = "SELECT variant FROM flow_variant_assignments WHERE flow_id = @FlowId AND node_id = @NodeId AND subject = @Subject";
            var existing = await scope.Connection.QuerySingleOrDefaultAsync<string>(scope.Command(select, key));
            if (existing is not null && names.Contains(existing))
            {
                return existing;
            }

            // New subject, or its variant was removed in a later version: assign afresh.
            var variant = HashingVariantAssigner.Pick(request);
            await scope.Connection.ExecuteAsync(scope.Command(existing is null
                ? "INSERT INTO flow_variant_assignments (flow_id, node_id, subject, variant, instance_id, assigned_at) VALUES (@FlowId, @NodeId, @Subject, @Variant, @InstanceId, @Now) ON CONFLICT DO NOTHING"
                : "UPDATE flow_variant_assignments SET variant = @Variant, instance_id = @InstanceId, assigned_at = @Now WHERE flow_id = @FlowId AND node_id = @NodeId AND subject = @Subject",
                new { request.FlowId, request.NodeId, request.Subject, Variant = variant, request.InstanceId, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() }));
            return await scope.Connection.QuerySingleAsync<string>(scope.Command(select, key));
        }, cancellationToken);
    }
}
