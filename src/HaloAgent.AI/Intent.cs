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
    /// <summary>Show what is in the cart ("cart", "my cart", "wetin dey my cart").</summary>
    Cart,
    /// <summary>Nothing more to add: go to pickup/delivery ("that's all", "checkout", "na all", "e don do").</summary>
    Checkout,
    /// <summary>Asks whether a dish is available ("do you have jollof?", "jollof dey?", "akwai tsire?"); never orders it.</summary>
    Availability,
    /// <summary>Asks what a dish is: portion, size, ingredients ("what comes with the jollof?"); never orders it.</summary>
    Details,
    /// <summary>A yes: "yes", "ok", "bẹ́ẹ̀ni", "ee".</summary>
    Confirm,
    /// <summary>A no: "no", "rárá", "mba", "a'a".</summary>
    Decline,
    /// <summary>The last order again: "same as last time", "the usual", "like the last one", "kamar na da".</summary>
    Reorder,
    Unknown,
}
