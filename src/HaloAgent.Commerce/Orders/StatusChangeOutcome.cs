namespace HaloAgent.Commerce.Orders;

public enum StatusChangeOutcome
{
    Changed,

    /// <summary>The order already has that status: nothing to do (a repeated request).</summary>
    Unchanged,

    /// <summary>Backwards, from a final status, or not this order's fulfilment (out for delivery on a pickup).</summary>
    NotAllowed,

    UnknownOrder,
}
