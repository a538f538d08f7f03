namespace HaloAgent.Server.Dashboard;

public sealed record DashboardOrderLine(string Sku, string Name, int Quantity, long UnitPriceKobo, long LineTotalKobo);
