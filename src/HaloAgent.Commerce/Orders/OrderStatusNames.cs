using HaloAgent.Commerce.Persistence;

namespace HaloAgent.Commerce.Orders;

/// <summary>Status names as stored and as flows and APIs spell them: pending_payment, paid, preparing, ...</summary>
public static class OrderStatusNames
{
    public static string ToName(OrderStatus status) => SnakeCase.Of(status);

    public static OrderStatus Parse(string name) => TryParse(name, out var status)
        ? status
        : throw new FormatException($"'{name}' is not an order status.");

    public static bool TryParse(string? name, out OrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<OrderStatus>())
        {
            if (string.Equals(ToName(candidate), name, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>
    /// The stored name (<c>ready_for_pickup</c>) or the enum's (<c>ReadyForPickup</c>, as the orders' JSON spells it):
    /// an API that hands out the one takes either back.
    /// </summary>
    public static bool TryParseEitherSpelling(string? name, out OrderStatus status) =>
        TryParse(name, out status)
        || (name is { Length: > 0 } && char.IsLetter(name[0]) && Enum.TryParse(name, ignoreCase: false, out status) && Enum.IsDefined(status));
}
