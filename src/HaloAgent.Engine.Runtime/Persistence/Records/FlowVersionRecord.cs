namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>One version of a flow. A published version is frozen: its JSON never changes again.</summary>
public sealed class FlowVersionRecord
{
    public required string FlowId { get; set; }

    public int Version { get; set; }

    /// <summary>Draft, Published or Retracted.</summary>
    public required string Status { get; set; }

    public required string Definition { get; set; }

    /// <summary>Bumped on every save of a draft, so a stale editor's save is refused instead of overwriting.</summary>
    public int Revision { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long? PublishedAt { get; set; }
}

public static class VersionStatus
{
    public const string Draft = "Draft";
    public const string Published = "Published";
    public const string Retracted = "Retracted";
}
