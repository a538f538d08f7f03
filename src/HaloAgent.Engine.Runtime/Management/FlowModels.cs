using HaloAgent.Engine.Definitions;

namespace HaloAgent.Engine.Runtime.Management;

public sealed record FlowSummary(string Id, string Name, string? Description, int? ActiveVersion, int LatestVersion, bool HasDraft, DateTimeOffset UpdatedAt);

public sealed record FlowVersionInfo(string FlowId, int Version, string Status, int Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt);

public sealed record FlowVersionDocument(FlowVersionInfo Info, FlowDefinition Definition);

public sealed class FlowNotFoundException(string message) : Exception(message);

/// <summary>The request conflicts with the flow's current state (stale draft revision, nothing to publish, ...).</summary>
public sealed class FlowConflictException(string message) : Exception(message);
