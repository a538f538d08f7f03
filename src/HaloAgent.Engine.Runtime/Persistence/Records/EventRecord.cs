namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>
/// A raised event, stored before it is matched. <see cref="ConsumedAt"/> stays null while nothing has taken it,
/// so an instance that was still running when it arrived can take it as soon as it suspends.
/// </summary>
public sealed class EventRecord
{
    public required string Id { get; set; }

    /// <summary>The tenant that raised it; null for a platform event. It only reaches that tenant's instances.</summary>
    public string? TenantId { get; set; }

    public required string Name { get; set; }

    public required string CorrelationKey { get; set; }

    public string? Payload { get; set; }

    public long CreatedAt { get; set; }

    public long? ConsumedAt { get; set; }
}
