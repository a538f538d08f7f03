namespace HaloAgent.Engine.Activities;

/// <summary>What one step of an activity produced.</summary>
public abstract record ActivityResult
{
    public static ActivityResult Outcome(string name, object? output = null) => new OutcomeResult(name, output);

    public static ActivityResult Done(object? output = null) => new OutcomeResult(Definitions.Outcomes.Done, output);

    public static ActivityResult Suspend(Wait wait) => new SuspendResult(wait);

    public static ActivityResult Complete(object? output = null) => new CompleteResult(output);
}

public sealed record OutcomeResult(string Name, object? Output) : ActivityResult;

public sealed record SuspendResult(Wait Wait) : ActivityResult;

public sealed record CompleteResult(object? Output) : ActivityResult;

/// <summary>A suspension: the events that may resume the node and/or the time its timer comes due.</summary>
public sealed record Wait(IReadOnlyList<BookmarkSpec> Bookmarks, DateTimeOffset? WakeAt)
{
    public static Wait Until(DateTimeOffset due) => new([], due);
}

public sealed record BookmarkSpec(string EventName, string CorrelationKey);
