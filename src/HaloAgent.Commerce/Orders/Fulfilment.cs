namespace HaloAgent.Commerce.Orders;

/// <summary>Stored as "pickup" or "delivery".</summary>
public enum Fulfilment
{
    Pickup,
    Delivery,
}
