namespace HaloAgent.Commerce.Orders;

/// <summary>Which status changes make sense: forward only, cancel from anything unfinished.</summary>
public static class OrderTransitions
{
    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Completed or OrderStatus.Cancelled;

    public static bool IsAllowed(OrderStatus from, OrderStatus to, Fulfilment fulfilment)
    {
        if (IsFinal(from) || from == to)
        {
            return false;
        }

        if (to == OrderStatus.Cancelled)
        {
            return true;
        }

        // Steps may be skipped (an owner marks a cash-on-pickup order ready without "paid"), never reversed.
        return to switch
        {
            OrderStatus.ReadyForPickup => fulfilment == Fulfilment.Pickup && Rank(from) < Rank(to),
            OrderStatus.OutForDelivery => fulfilment == Fulfilment.Delivery && Rank(from) < Rank(to),
            _ => Rank(from) < Rank(to),
        };
    }

    private static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => 0,
        OrderStatus.Paid => 1,
        OrderStatus.Preparing => 2,
        OrderStatus.ReadyForPickup or OrderStatus.OutForDelivery => 3,
        OrderStatus.Completed => 4,
        _ => 5,
    };
}
