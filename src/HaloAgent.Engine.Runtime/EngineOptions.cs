namespace HaloAgent.Engine.Runtime;

/// <summary>Bound from configuration section <c>HaloAgent:Engine</c>.</summary>
public sealed class EngineOptions
{
    public const string Section = "HaloAgent:Engine";

    /// <summary>Concurrent worker loops per node; each claims and commits its own batches.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Instances claimed per batch (one claim query, one commit).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claim holds an instance; a node that dies mid-run frees its instances after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often idle workers look for due work that no local signal announced (other nodes' events, timers).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Run the background workers (tests drive them by hand instead).</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>Identifies this node in leases; defaults to host name + process id.</summary>
    public string? NodeId { get; set; }
}
