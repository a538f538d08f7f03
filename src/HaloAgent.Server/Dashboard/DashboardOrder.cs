using HaloAgent.Commerce.Payments;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// An order as the Studio's <c>Order</c> type reads it (amounts in kobo), the same whether listed, fetched or sent live.
/// <see cref="Status"/> is the order's status name (<c>pending_payment</c>, <c>preparing</c>, ...), except that an
/// unpaid order whose payment waits for the owner's review reads <c>payment_review</c>; <see cref="NextStatuses"/> are
/// the moves the status endpoint allows from here, the usual next step first.
/// </summary>
public sealed record DashboardOrder(
    string Id,
    string Number,
    string ContactId,
    string ContactName,
    string Phone,
    string Status,
    IReadOnlyList<string> NextStatuses,
    string Fulfilment,
    string? Zone,
    string? Address,
    IReadOnlyList<DashboardOrderLine> Items,
    long SubtotalKobo,
    long DeliveryFeeKobo,
    long TotalKobo,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    PaymentView? Payment);
