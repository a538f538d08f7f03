namespace HaloAgent.Engine.Execution;

/// <summary>What one run of an instance produced: its new state (changed in place) and the steps it journaled.</summary>
public sealed record RunResult(FlowInstanceState State, IReadOnlyList<JournalEntry> Journal);
