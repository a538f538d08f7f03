namespace HaloAgent.Commerce.Carts;

/// <summary>A contact's one open cart. Ordering empties it; <see cref="UpdatedAt"/> drives abandoned-cart nudges.</summary>
public sealed class Cart
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public required string ContactId { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>Last time the customer changed the cart (not when it was emptied by an order).</summary>
    public long UpdatedAt { get; set; }
}
