namespace HaloAgent.Server.Dashboard;

/// <summary>
/// An order as the Studio's <c>Order</c> type reads it (amounts in kobo). <see cref="Status"/> is the order's status,
/// except that an unpaid order whose payment waits for the owner's review reads <c>PaymentReview</c>.
/// </summary>
public sealed record DashboardOrder(
    string Id,
    string Number,
    string ContactId,
    string ContactName,
    string Phone,
    string Status,
    string Fulfilment,
    string? Zone,
    string? Address,
    IReadOnlyList<DashboardOrderLine> Items,
    long SubtotalKobo,
    long DeliveryFeeKobo,
    long TotalKobo,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
