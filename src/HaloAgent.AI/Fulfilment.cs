namespace HaloAgent.AI;

/// <summary>How the customer wants to receive the order.</summary>
public enum Fulfilment
{
    Pickup,
    Delivery,
}
