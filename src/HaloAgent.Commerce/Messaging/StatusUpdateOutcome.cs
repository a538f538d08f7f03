namespace HaloAgent.Commerce.Messaging;

public enum StatusUpdateOutcome
{
    /// <summary>The message moved to the new status.</summary>
    Applied,

    /// <summary>
    /// The message is already there or further along ("delivered" after "read", a redelivered callback); its time
    /// is still recorded.
    /// </summary>
    Stale,

    UnknownMessage,
}
