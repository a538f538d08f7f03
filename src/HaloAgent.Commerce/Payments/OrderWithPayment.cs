using HaloAgent.Commerce.Orders;

namespace HaloAgent.Commerce.Payments;

/// <summary>An order as the owner's order list shows it: with its payment (null for orders made before payments existed).</summary>
public sealed record OrderWithPayment(OrderView Order, PaymentView? Payment);
