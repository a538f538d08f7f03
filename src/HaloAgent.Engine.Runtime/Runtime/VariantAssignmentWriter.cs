using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>Records A/B assignments with their steps: one row per (flow, node, contact); a re-assignment (variant removed) replaces it.</summary>
public sealed class VariantAssignmentWriter : IStepWriteHandler
{
    private const string Upsert = """
        INSERT INTO flow_variant_assignments (flow_id, node_id, subject, variant, instance_id, assigned_at)
        {0}
        ON CONFLICT (flow_id, node_id, subject) DO UPDATE SET variant = excluded.variant, instance_id = excluded.instance_id, assigned_at = excluded.assigned_at
        WHERE flow_variant_assignments.variant <> excluded.variant
        """;

    public Type Handles => typeof(VariantAssigned);

    public async Task WriteAsync(WriteScope scope, IReadOnlyList<StepWrite> writes)
    {
        // The same contact may pass the same Split twice in one batch: keep one row per key for the statement.
        var rows = writes.Cast<VariantAssigned>().GroupBy(w => (w.FlowId, w.NodeId, w.Subject)).Select(g => g.Last()).ToList();
        if (scope.Dialect.Provider == DatabaseProvider.Postgres)
        {
            await scope.Connection.ExecuteAsync(scope.Command(
                string.Format(Upsert, "SELECT * FROM unnest(@FlowIds, @NodeIds, @Subjects, @Variants, @InstanceIds, @At)"),
                new
                {
                    FlowIds = rows.Select(r => r.FlowId).ToArray(),
                    NodeIds = rows.Select(r => r.NodeId).ToArray(),
                    Subjects = rows.Select(r => r.Subject).ToArray(),
                    Variants = rows.Select(r => r.Variant).ToArray(),
                    InstanceIds = rows.Select(r => r.InstanceId).ToArray(),
                    At = rows.Select(r => r.At.ToUnixTimeMilliseconds()).ToArray(),
                }));
            return;
        }

        // SQLite needs a WHERE in INSERT ... SELECT before ON CONFLICT to parse it; Dapper runs the statement per row.
        await scope.Connection.ExecuteAsync(scope.Command(
            string.Format(Upsert, "SELECT @FlowId, @NodeId, @Subject, @Variant, @InstanceId, @At WHERE true"),
            rows.Select(r => new { r.FlowId, r.NodeId, r.Subject, r.Variant, r.InstanceId, At = r.At.ToUnixTimeMilliseconds() }).ToList()));
    }
}
