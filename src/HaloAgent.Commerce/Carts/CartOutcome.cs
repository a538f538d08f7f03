namespace HaloAgent.Commerce.Carts;

public enum CartOutcome
{
    /// <summary>The change was made.</summary>
    Updated,

    /// <summary>No active product with that SKU in this business.</summary>
    UnknownProduct,

    /// <summary>Fewer units on hand than the cart would hold; see <see cref="CartResult.Available"/>.</summary>
    OutOfStock,

    /// <summary>Zero, negative or absurd quantity (e.g. from a misbehaving model).</summary>
    InvalidQuantity,

    /// <summary>Removing or changing a product that is not in the cart.</summary>
    NotInCart,
}
