namespace HaloAgent.Server.Dashboard;

/// <summary>Sales over the last <see cref="Days"/> days (today included, Nigerian days, by the day the order was placed): paid orders only.</summary>
public sealed record SalesStats(int Days, int TotalOrders, long TotalRevenueKobo, IReadOnlyList<SalesPoint> Points, IReadOnlyList<TopProduct> TopProducts);
