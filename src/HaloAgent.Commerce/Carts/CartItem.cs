namespace HaloAgent.Commerce.Carts;

/// <summary>A product and quantity in a cart; price is read from the product until the order fixes it.</summary>
public sealed class CartItem
{
    public required string CartId { get; set; }

    public required string ProductId { get; set; }

    public int Quantity { get; set; }

    /// <summary>Order the customer added things in (timestamps can tie); lines are listed and ordered by it.</summary>
    public int Position { get; set; }

    public long AddedAt { get; set; }
}
