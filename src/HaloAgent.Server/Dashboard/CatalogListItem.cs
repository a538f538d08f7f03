namespace HaloAgent.Server.Dashboard;

/// <summary>
/// A product on the dashboard. <see cref="Available"/>: active, not sold out and in stock; <see cref="LowStock"/>: active
/// with stock at or below the threshold (<see cref="DashboardOptions.LowStockThreshold"/>), so the owner restocks before
/// it runs out; <see cref="SoldOutUntil"/>: when a "sold out today" mark clears itself (null when not marked).
/// </summary>
public sealed record CatalogListItem(
    string Sku,
    string Name,
    string? Category,
    long PriceKobo,
    bool Available,
    int? Stock,
    bool Active,
    bool LowStock,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<string> Aliases,
    bool SoldOut,
    DateTimeOffset? SoldOutUntil,
    string? ImageUrl);
