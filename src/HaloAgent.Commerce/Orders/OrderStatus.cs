namespace HaloAgent.Commerce.Orders;

/// <summary>Stored as snake_case names (pending_payment, ...); see <see cref="OrderStatusNames"/>.</summary>
public enum OrderStatus
{
    PendingPayment,
    Paid,
    Preparing,
    ReadyForPickup,
    OutForDelivery,
    Completed,
    Cancelled,
}
