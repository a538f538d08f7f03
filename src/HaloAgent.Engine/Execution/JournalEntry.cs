namespace HaloAgent.Engine.Execution;

/// <summary>One recorded step: which node ran, with which evaluated inputs, how it ended and how long it took.</summary>
public sealed record JournalEntry
{
    public required long Sequence { get; init; }

    public required string NodeId { get; init; }

    public required string ActivityType { get; init; }

    /// <summary><c>executed</c>, <c>resumed</c> (a wait continued), <c>suspended</c> or <c>faulted</c>.</summary>
    public required string Kind { get; init; }

    public IReadOnlyDictionary<string, object?>? Inputs { get; init; }

    public string? Outcome { get; init; }

    public object? Output { get; init; }

    public string? Error { get; init; }

    public int Attempts { get; init; } = 1;

    public required DateTimeOffset StartedAt { get; init; }

    public double DurationMs { get; init; }
}
