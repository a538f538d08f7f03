namespace HaloAgent.Server.Dashboard;

/// <summary>One Server-Sent Event of the live stream: its name and the object sent as its data.</summary>
public sealed record DashboardEvent(string Name, object Data)
{
    public const string OrderCreated = "order.created";
    public const string OrderUpdated = "order.updated";
    public const string PaymentReview = "payment.review";
    public const string ConversationUpdated = "conversation.updated";
}
