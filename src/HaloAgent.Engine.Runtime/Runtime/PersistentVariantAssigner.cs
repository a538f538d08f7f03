using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// Sticky A/B assignment: a contact keeps the variant recorded in <c>flow_variant_assignments</c>, on every node and
/// across versions; a new contact (or one whose variant was removed) gets the stable hash pick. Only reads here: the
/// Split activity enlists the assignment, and <see cref="VariantAssignmentWriter"/> records it with the step.
/// </summary>
public sealed class PersistentVariantAssigner(EngineDatabase database) : IVariantAssigner
{
    public async ValueTask<string> AssignAsync(VariantAssignmentRequest request, CancellationToken cancellationToken)
    {
        var existing = await database.ReadAsync(
            (db, ct) => db.Database.GetDbConnection().QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT variant FROM flow_variant_assignments WHERE flow_id = @FlowId AND node_id = @NodeId AND subject = @Subject",
                new { request.FlowId, request.NodeId, request.Subject }, cancellationToken: ct)),
            cancellationToken);
        return existing is not null && request.Variants.Any(v => v.Name == existing) ? existing : HashingVariantAssigner.Pick(request);
    }
}
