namespace HaloAgent.Server.Dashboard;

/// <summary>One day: <see cref="Date"/> is <c>YYYY-MM-DD</c> in Lagos time.</summary>
public sealed record SalesPoint(string Date, int Orders, long RevenueKobo);
