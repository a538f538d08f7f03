using HaloAgent.Commerce.Persistence;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Commerce.Orders;

/// <summary>Status names as stored and as flows and APIs spell them: pending_payment, paid, preparing, ...</summary>
public static class OrderStatusNames
{
    public static string ToName(OrderStatus status) => SnakeCase.Of(status);

    public static OrderStatus Parse(string name) => TryParse(name, out var status)
        ? status
        : throw new FormatException($"'{name}' is not an order status.");

    public static bool TryParse(string? name, out OrderStatus status) => TryFind(name, enumNames: false, out status);

    /// <summary>
    /// The stored name (<c>ready_for_pickup</c>) or the enum's (<c>ReadyForPickup</c>, as the orders' JSON spells it):
    /// an API that hands out the one takes either back.
    /// </summary>
    public static bool TryParseEitherSpelling(string? name, out OrderStatus status) => TryFind(name, enumNames: true, out status);

    // Exact names only: Enum.TryParse would also take "Paid, Preparing" (a flags combination: 1 | 2 = ReadyForPickup).
    private static bool TryFind(string? name, bool enumNames, out OrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<OrderStatus>())
        {
            if (string.Equals(ToName(candidate), name, StringComparison.Ordinal)
                || (enumNames && string.Equals(candidate.ToString(), name, StringComparison.Ordinal)))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
