namespace HaloAgent.Commerce.Carts;

/// <summary>
/// The outcome of a cart change. Refusals are expected business outcomes (the customer asks for more than there is),
/// so they are results, not exceptions; <see cref="Cart"/> is the cart as it is now either way.
/// </summary>
public sealed record CartResult(CartOutcome Outcome, CartView Cart, string? Sku = null, int? Available = null)
{
    public bool Succeeded => Outcome == CartOutcome.Updated;
}
