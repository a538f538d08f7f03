namespace HaloAgent.Server.Dashboard;

/// <summary>A best seller of the period: units sold and what they brought in (line totals, without delivery fees).</summary>
public sealed record TopProduct(string Sku, string Name, int Quantity, long RevenueKobo);
