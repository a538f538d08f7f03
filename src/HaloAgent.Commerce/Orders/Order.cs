namespace HaloAgent.Commerce.Orders;

/// <summary>A confirmed order. Totals are computed in code from the catalog and the business's zones when it is created.</summary>
public sealed class Order
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public required string ContactId { get; set; }

    /// <summary>Human-readable and unique per business ("MNK-0042"); also the payment reference customers quote.</summary>
    public required string Number { get; set; }

    public OrderStatus Status { get; set; }

    public Fulfilment Fulfilment { get; set; }

    public string? DeliveryZone { get; set; }

    public string? DeliveryAddress { get; set; }

    public long SubtotalKobo { get; set; }

    public long DeliveryFeeKobo { get; set; }

    public long TotalKobo { get; set; }

    public string? Note { get; set; }

    /// <summary>The creating step's key: a retried or redelivered step gets the same order back, never a second one.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Bumped by every status change; changes are conditional on it, so two never interleave.</summary>
    public long Version { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
