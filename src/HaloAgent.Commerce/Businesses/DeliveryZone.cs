namespace HaloAgent.Commerce.Businesses;

/// <summary>An area the business delivers to and what delivery there costs.</summary>
public sealed record DeliveryZone(string Name, long FeeKobo);
