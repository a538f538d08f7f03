namespace HaloAgent.Commerce.Orders;

public sealed record OrderStatusEntry(OrderStatus? From, OrderStatus To, string Actor, string? Note, long At);
