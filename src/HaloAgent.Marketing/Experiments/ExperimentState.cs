namespace HaloAgent.Marketing.Experiments;

/// <summary>
/// What an owner decided about an experiment (a Split node of a flow). Experiments exist without a row: one is written
/// only when the experiment is stopped or its winner promoted.
/// </summary>
public sealed class ExperimentState
{
    /// <summary><c>{flowId}:{nodeId}</c>, as the API names the experiment.</summary>
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public required string FlowId { get; set; }

    public required string NodeId { get; set; }

    /// <summary>See <see cref="ExperimentStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>Exposures after this (Unix ms) no longer count: the numbers stay as they were when it was stopped.</summary>
    public long? StoppedAt { get; set; }

    public string? Winner { get; set; }

    /// <summary>The flow version published with the winner's branch only.</summary>
    public int? PromotedVersion { get; set; }

    public long UpdatedAt { get; set; }
}

public static class ExperimentStatus
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Promoted = "promoted";
}
