namespace HaloAgent.Commerce.Orders;

/// <summary>Expected refusals (empty cart, no stock, bad zone) are outcomes, not exceptions.</summary>
public sealed record OrderResult(OrderOutcome Outcome, OrderView? Order = null, OrderQuote? Quote = null, IReadOnlyList<StockShortage>? Shortages = null)
{
    /// <summary>True when <see cref="Order"/> is set: created now or by an earlier try with the same key.</summary>
    public bool Succeeded => Outcome is OrderOutcome.Created or OrderOutcome.AlreadyCreated;
}
