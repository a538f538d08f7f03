namespace HaloAgent.Engine.Execution;

/// <summary>What one run of an instance produced: its new state (changed in place), the steps it journaled and the records they enlisted.</summary>
public sealed record RunResult(FlowInstanceState State, IReadOnlyList<JournalEntry> Journal)
{
    /// <summary>Records the steps enlisted, to be stored in the same transaction as the state.</summary>
    public IReadOnlyList<Activities.StepWrite> Writes { get; init; } = [];
}
