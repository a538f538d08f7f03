namespace HaloAgent.Commerce.Carts;

/// <summary>A cart with current prices; totals are computed here, never taken from a customer or a model.</summary>
public sealed record CartView(string? CartId, string ContactId, IReadOnlyList<CartLine> Lines, long? UpdatedAt)
{
    public bool IsEmpty => Lines.Count == 0;

    public int ItemCount => Lines.Sum(l => l.Quantity);

    public long SubtotalKobo => Lines.Sum(l => l.LineTotalKobo);
}
