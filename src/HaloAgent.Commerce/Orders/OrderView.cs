namespace HaloAgent.Commerce.Orders;

/// <summary>An order with its lines and status history, as the agent and the owner read it.</summary>
public sealed record OrderView(
    string Id,
    string BusinessId,
    string ContactId,
    string Number,
    OrderStatus Status,
    Fulfilment Fulfilment,
    string? DeliveryZone,
    string? DeliveryAddress,
    IReadOnlyList<OrderLine> Lines,
    long SubtotalKobo,
    long DeliveryFeeKobo,
    long TotalKobo,
    string? Note,
    long CreatedAt,
    long UpdatedAt,
    IReadOnlyList<OrderStatusEntry> History)
{
    public int ItemCount => Lines.Sum(l => l.Quantity);
}
