namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>A flow and which of its versions new instances start on. Times are Unix milliseconds (UTC) throughout the engine's tables.</summary>
public sealed class FlowRecord
{
    public required string Id { get; set; }

    /// <summary>The business that owns the flow; null for a platform flow (see <see cref="TenantScope"/>).</summary>
    public string? TenantId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The published version that triggers and starts use; null when retracted or never published.</summary>
    public int? ActiveVersion { get; set; }

    public int LatestVersion { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
