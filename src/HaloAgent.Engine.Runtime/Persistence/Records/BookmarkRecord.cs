namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>An instance waiting for (event name, correlation key). Resuming sets <see cref="ResumedEventId"/> once; the worker then continues the instance.</summary>
public sealed class BookmarkRecord
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public required string NodeId { get; set; }

    public required string EventName { get; set; }

    public required string CorrelationKey { get; set; }

    public long CreatedAt { get; set; }

    public string? ResumedEventId { get; set; }

    public long? ResumedAt { get; set; }
}
