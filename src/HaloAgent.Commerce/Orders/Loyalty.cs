namespace HaloAgent.Commerce.Orders;

/// <summary>Loyalty earned on a completed order.</summary>
public static class Loyalty
{
    /// <summary>₦1,000 of goods (delivery not counted).</summary>
    public const long KoboPerPoint = 100_000;

    public static int PointsFor(long subtotalKobo) => (int)Math.Min(int.MaxValue, Math.Max(0, subtotalKobo) / KoboPerPoint);
}
