namespace HaloAgent.Commerce.Orders;

public enum OrderOutcome
{
    /// <summary>The order was created now (or, for a quote, would be).</summary>
    Created,

    /// <summary>An order with the request's idempotency key already exists; it is returned, nothing else happened.</summary>
    AlreadyCreated,

    EmptyCart,

    /// <summary>Not enough stock for at least one line; see <see cref="OrderResult.Shortages"/>. Nothing was reserved.</summary>
    OutOfStock,

    /// <summary>Delivery to a zone the business does not serve (or no zone given).</summary>
    UnknownZone,

    AddressRequired,

    UnknownBusiness,
}
