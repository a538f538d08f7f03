namespace HaloAgent.AI;

/// <summary>What the customer wants to happen.</summary>
public enum Intent
{
    Greet,
    Browse,
    Order,
    Add,
    Remove,
    Quantity,
    Price,
    Status,
    Paid,
    Cancel,
    Human,
    /// <summary>Opt out of messages (STOP, unsubscribe and equivalents).</summary>
    Stop,
    /// <summary>Opt back in (START).</summary>
    Start,
    Smalltalk,
    /// <summary>A yes: "yes", "ok", "bẹ́ẹ̀ni", "ee".</summary>
    Confirm,
    /// <summary>A no: "no", "rárá", "mba", "a'a".</summary>
    Decline,
    Unknown,
}
