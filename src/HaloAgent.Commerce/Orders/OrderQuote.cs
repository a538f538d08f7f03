namespace HaloAgent.Commerce.Orders;

/// <summary>The summary a customer confirms: computed by code from the cart, not stored, nothing reserved.</summary>
public sealed record OrderQuote(IReadOnlyList<OrderLine> Lines, Fulfilment Fulfilment, string? DeliveryZone, string? DeliveryAddress, long SubtotalKobo, long DeliveryFeeKobo)
{
    public long TotalKobo => SubtotalKobo + DeliveryFeeKobo;
}
