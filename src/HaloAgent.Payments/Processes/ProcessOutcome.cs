namespace HaloAgent.Payments.Processes;

internal enum ProcessOutcome
{
    Exited,

    /// <summary>The executable does not exist or cannot be started.</summary>
    NotFound,

    TimedOut,
}
