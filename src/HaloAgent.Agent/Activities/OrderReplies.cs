using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Orders;

namespace HaloAgent.Agent.Activities;

/// <summary>What the customer is told when an order cannot be made as asked.</summary>
internal static class OrderReplies
{
    public static void SendRefusal(Conversation conversation, OrderResult result)
    {
        switch (result.Outcome)
        {
            case OrderOutcome.OutOfStock:
                foreach (var shortage in result.Shortages ?? [])
                {
                    conversation.Send("out_of_stock", conversation.Data(
                        ("product", new Dictionary<string, object?> { ["sku"] = shortage.Sku, ["name"] = shortage.Sku }),
                        ("available", (decimal)shortage.Available)));
                }

                break;
            case OrderOutcome.UnknownZone:
                conversation.Send("ask_delivery_zone", conversation.Data());
                break;
            case OrderOutcome.AddressRequired:
                conversation.Send("ask_address", conversation.Data());
                break;
            default:
                conversation.Send("cart_empty", conversation.Data());
                break;
        }
    }
}
