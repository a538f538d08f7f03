namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>An event or schedule trigger of an active flow version, indexed so an event finds its flows in one query.</summary>
public sealed class FlowTriggerRecord
{
    public required string FlowId { get; set; }

    /// <summary>The flow's tenant, copied so an event finds only its own tenant's (and platform) triggers in one query.</summary>
    public string? TenantId { get; set; }

    public required string NodeId { get; set; }

    public int Version { get; set; }

    /// <summary>event or schedule.</summary>
    public required string Kind { get; set; }

    public string? EventName { get; set; }

    public string? Cron { get; set; }
}
