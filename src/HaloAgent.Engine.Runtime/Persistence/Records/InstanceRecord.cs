namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>
/// A running or finished instance. It doubles as the work queue: <see cref="WakeAt"/> is when it next needs a
/// worker (now for runnable, the due time for a timer, null when only an event can wake it), and the lease says
/// which node holds it. A million pending timers are a million rows in an index, nothing in memory.
/// </summary>
public sealed class InstanceRecord
{
    public required string Id { get; set; }

    public required string FlowId { get; set; }

    /// <summary>The flow's tenant at start, copied so lists and checks need no join.</summary>
    public string? TenantId { get; set; }

    public int Version { get; set; }

    public required string Status { get; set; }

    public string? CorrelationKey { get; set; }

    /// <summary>Set while a singleton flow's instance is unfinished; unique per flow, so a second start is refused by the database.</summary>
    public string? SingletonKey { get; set; }

    /// <summary>Idempotency key of the start (e.g. a schedule's fire time), unique, so a start is never done twice.</summary>
    public string? StartKey { get; set; }

    public string? CurrentNodeId { get; set; }

    /// <summary>JSON: { vars, event, nodes }.</summary>
    public required string Data { get; set; }

    public long Sequence { get; set; }

    /// <summary>JSON of what the instance waits for (for display; bookmarks are the source of truth).</summary>
    public string? Wait { get; set; }

    /// <summary>JSON of the open incident, when Faulted.</summary>
    public string? Incident { get; set; }

    public long? WakeAt { get; set; }

    /// <summary>When the instance last became runnable: events that arrive after it and find no bookmark wait for it.</summary>
    public long RunnableSince { get; set; }

    public string? LeaseOwner { get; set; }

    public long? LeaseUntil { get; set; }

    /// <summary>Optimistic concurrency: every change bumps it; a worker's commit only applies to the version it claimed.</summary>
    public long RowVersion { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? CompletedAt { get; set; }

    /// <summary>
    /// A copy to attach and change: EF takes an attached entity's values as the row's, so a unit of work retried after
    /// a transient failure must start from the claimed values again, not from the ones its failed attempt set.
    /// </summary>
    public InstanceRecord Copy() => (InstanceRecord)MemberwiseClone();
}
