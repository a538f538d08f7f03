namespace HaloAgent.Commerce.Orders;

/// <summary>
/// What the customer chose; everything with a price comes from the cart, the catalog and the business's zones.
/// </summary>
/// <param name="DeliveryZone">Name of one of the business's delivery zones (delivery only).</param>
/// <param name="IdempotencyKey">The engine step's idempotency key: the same key returns the same order.</param>
public sealed record OrderRequest(
    string BusinessId,
    string ContactId,
    Fulfilment Fulfilment,
    string? DeliveryZone = null,
    string? DeliveryAddress = null,
    string? Note = null,
    string? IdempotencyKey = null);
