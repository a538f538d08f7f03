namespace HaloAgent.Engine.Activities;

/// <summary>
/// Picks the A/B variant for a subject (usually the contact). Assignments are sticky: the same subject gets the
/// same variant of the same Split node every time. The Split activity enlists each assignment as a
/// <see cref="VariantAssigned"/> step write, so it is recorded with the step that made it.
/// </summary>
public interface IVariantAssigner
{
    ValueTask<string> AssignAsync(VariantAssignmentRequest request, CancellationToken cancellationToken);
}

public sealed record VariantAssignmentRequest(string FlowId, string NodeId, string Subject, string InstanceId, IReadOnlyList<WeightedVariant> Variants);

public sealed record WeightedVariant(string Name, decimal Weight);

/// <summary>Stateless sticky assignment: a stable hash of (flow, node, subject) chooses the weighted bucket.</summary>
public sealed class HashingVariantAssigner : IVariantAssigner
{
    public ValueTask<string> AssignAsync(VariantAssignmentRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Pick(request));

    public static string Pick(VariantAssignmentRequest request)
    {
        var total = request.Variants.Sum(v => v.Weight);
        var point = (decimal)StableFraction($"{request.FlowId}\n{request.NodeId}\n{request.Subject}") * total;
        foreach (var variant in request.Variants)
        {
            if (point < variant.Weight)
            {
                return variant.Name;
            }

            point -= variant.Weight;
        }

        return request.Variants[^1].Name;
    }

    /// <summary>A number in [0, 1) that depends only on the text (not on the process, unlike string.GetHashCode).</summary>
    private static double StableFraction(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text), hash);
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11;
        return value / (double)(1UL << 53);
    }
}
