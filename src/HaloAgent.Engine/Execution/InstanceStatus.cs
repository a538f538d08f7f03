namespace HaloAgent.Engine.Execution;

public enum InstanceStatus
{
    /// <summary>Runnable: its current node executes next.</summary>
    Running,

    /// <summary>Suspended at its current node on bookmarks and/or a timer.</summary>
    Waiting,

    /// <summary>Its current node failed after all retries; an incident is open until retried or cancelled.</summary>
    Faulted,

    Completed,
    Cancelled,
}

public static class InstanceStatusExtensions
{
    public static bool IsFinished(this InstanceStatus status) => status is InstanceStatus.Completed or InstanceStatus.Cancelled;
}
