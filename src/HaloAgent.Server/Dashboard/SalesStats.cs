namespace HaloAgent.Server.Dashboard;

/// <summary>Sales over the last <see cref="Days"/> days (today included, Nigerian days), cancelled orders left out.</summary>
public sealed record SalesStats(int Days, int TotalOrders, long TotalRevenueKobo, IReadOnlyList<SalesPoint> Points, IReadOnlyList<TopProduct> TopProducts);
