using HaloAgent.Engine.Execution;

namespace HaloAgent.Engine.Runtime.Runtime;

public sealed record StartRequest
{
    /// <summary>Values for flow variables (merged over the declared defaults).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Usually the contact; used by bookmarks and singleton flows.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Start node to use; the first Start node when omitted.</summary>
    public string? StartNodeId { get; init; }

    /// <summary>Payload visible as <c>event</c> to the flow.</summary>
    public object? Input { get; init; }

    /// <summary>Makes the start idempotent: a second start with the same key returns the first instance.</summary>
    public string? StartKey { get; init; }
}

public sealed record StartResult(string InstanceId, int Version, bool Started, string? Reason = null);

public sealed record EventRequest(string Name, string CorrelationKey, object? Payload)
{
    /// <summary>Caller-chosen id (e.g. a WhatsApp message id) so a redelivered event is recognised and ignored.</summary>
    public string? EventId { get; init; }

    /// <summary>
    /// The tenant (business) the event happened in: it starts that tenant's flows and platform flows, and resumes only
    /// that tenant's instances. Null for a platform event, which starts only platform flows.
    /// </summary>
    public string? Tenant { get; init; }
}

public sealed record EventResult(string EventId, bool Duplicate, IReadOnlyList<string> ResumedInstances, IReadOnlyList<string> StartedInstances)
{
    /// <summary>Nothing took the event yet; an instance still running for this key takes it when it suspends.</summary>
    public bool Pending => !Duplicate && ResumedInstances.Count == 0 && StartedInstances.Count == 0;
}

public sealed record InstanceSummary(
    string Id, string FlowId, int Version, InstanceStatus Status, string? CorrelationKey, string? CurrentNodeId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? WakeAt);

public sealed record InstanceDetails(
    InstanceSummary Summary,
    IReadOnlyDictionary<string, object?> Variables,
    object? Event,
    Activities.Wait? Wait,
    Incident? Incident,
    IReadOnlyList<BookmarkInfo> Bookmarks,
    System.Text.Json.Nodes.JsonArray Journal);

public sealed record BookmarkInfo(string EventName, string CorrelationKey, string NodeId, DateTimeOffset CreatedAt, bool Resumed);

public sealed record InstanceFilter
{
    public string? FlowId { get; init; }

    public int? Version { get; init; }

    public InstanceStatus? Status { get; init; }

    public string? CorrelationKey { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

public sealed class InstanceNotFoundException(string id) : Exception($"There is no instance '{id}'.");

/// <summary>The instance is not in a state that allows the request (e.g. an event for a finished instance).</summary>
public sealed class InstanceStateException(string message) : Exception(message);
