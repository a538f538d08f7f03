namespace HaloAgent.Commerce.Orders;

/// <summary>Orders are made from the contact's cart by code: prices, totals, stock and numbers never come from a model.</summary>
public interface IOrderService
{
    /// <summary>Prices the cart for the summary the customer confirms; nothing is written or reserved.</summary>
    Task<OrderResult> QuoteAsync(OrderRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The customer confirmed: in one transaction, reserves stock for every line (never below zero), numbers the order,
    /// records it as pending_payment and empties the cart. Nothing is reserved when any line is short. A sandbox
    /// contact's order (<see cref="Contacts.SandboxContacts"/>) is refused the same way when stock is short, but reserves none.
    /// </summary>
    Task<OrderResult> CreateFromCartAsync(OrderRequest request, CancellationToken cancellationToken);

    Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>By number ("MNK-0042", case-insensitive), as customers quote it.</summary>
    Task<OrderView?> FindByNumberAsync(string businessId, string number, CancellationToken cancellationToken);

    /// <summary>The contact's orders, newest first.</summary>
    Task<IReadOnlyList<OrderView>> ListForContactAsync(string businessId, string contactId, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the order forward (or cancels it) and records the change. Cancelling puts the reserved stock back (none for
    /// a sandbox order, which reserved none);
    /// completing adds to the contact's order count and loyalty points.
    /// </summary>
    Task<StatusChangeResult> ChangeStatusAsync(string orderId, OrderStatus to, string actor, string? note, CancellationToken cancellationToken);
}
