namespace HaloAgent.Commerce.Orders;

/// <summary>The last order number handed out per business, incremented atomically in the order's transaction.</summary>
public sealed class OrderCounter
{
    public required string BusinessId { get; set; }

    public long LastNumber { get; set; }
}
