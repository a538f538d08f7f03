namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>An event or schedule trigger of an active flow version, indexed so an event finds its flows in one query.</summary>
public sealed class FlowTriggerRecord
{
    public required string FlowId { get; set; }

    public required string NodeId { get; set; }

    public int Version { get; set; }

    /// <summary>event or schedule.</summary>
    public required string Kind { get; set; }

    public string? EventName { get; set; }

    public string? Cron { get; set; }
}
