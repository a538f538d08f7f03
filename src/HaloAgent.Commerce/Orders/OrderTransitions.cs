namespace HaloAgent.Commerce.Orders;

/// <summary>
/// Which status changes make sense: one step forward or cancel from anything unfinished. The owner's page offers
/// exactly <see cref="Next"/> and the status endpoint refuses anything else, so the two cannot disagree.
/// </summary>
public static class OrderTransitions
{
    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled;

    public static bool IsAllowed(OrderStatus from, OrderStatus to, Fulfilment fulfilment) => Next(from, fulfilment).Contains(to);

    /// <summary>The moves allowed from <paramref name="from"/>, the usual next step first and cancelling last.</summary>
    public static IReadOnlyList<OrderStatus> Next(OrderStatus from, Fulfilment fulfilment)
    {
        var handover = fulfilment == Fulfilment.Delivery ? OrderStatus.OutForDelivery : OrderStatus.ReadyForPickup;
        return from switch
        {
            // Preparing without "paid": a cash or pay-on-delivery order is paid at the hand-over, not before.
            OrderStatus.PendingPayment => [OrderStatus.Paid, OrderStatus.Preparing, OrderStatus.Cancelled],
            OrderStatus.Paid => [OrderStatus.Preparing, OrderStatus.Cancelled],
            OrderStatus.Preparing => [handover, OrderStatus.Cancelled],
            OrderStatus.ReadyForPickup or OrderStatus.OutForDelivery => [OrderStatus.Completed, OrderStatus.Cancelled],
            _ => [],
        };
    }
}
