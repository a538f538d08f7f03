namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>Which A/B variant a subject (contact) got at a Split node; first assignment wins and sticks.</summary>
public sealed class VariantAssignmentRecord
{
    public required string FlowId { get; set; }

    public required string NodeId { get; set; }

    public required string Subject { get; set; }

    public required string Variant { get; set; }

    public required string InstanceId { get; set; }

    public long AssignedAt { get; set; }
}
