namespace HaloAgent.Engine.Execution;

/// <summary>An activity that failed after its retries: the instance waits at that node until a human retries or cancels it.</summary>
public sealed record Incident(string NodeId, string Message, string? ErrorType, int Attempts, DateTimeOffset OccurredAt, long Sequence)
{
    /// <summary>Set when the node failed while being resumed: the event (or "timer") a retry must deliver again, since its bookmark is spent.</summary>
    public string? ResumedBy { get; init; }

    public const string TimerResume = "(timer)";
}
