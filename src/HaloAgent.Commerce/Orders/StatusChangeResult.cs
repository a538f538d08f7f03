namespace HaloAgent.Commerce.Orders;

public sealed record StatusChangeResult(StatusChangeOutcome Outcome, OrderView? Order);
