using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// "Same as last time", "the usual": finds the customer's last order that was paid (or went further) and gives its dishes
/// as <c>items</c> for an <c>AddToCart</c> step, which prices them now and checks what is left. An order never paid or
/// cancelled is not what the customer had, so it is skipped; with none, the customer is told and shown the way to the menu.
/// </summary>
public sealed class FindLastOrderActivity(ConversationLoader conversations, IOrderService orders) : Activity
{
    /// <summary>How far back the last paid order is looked for.</summary>
    private const int Lookback = 20;

    public static class Results
    {
        public const string Found = "Found";
        public const string None = "None";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "FindLastOrder",
        DisplayName = "Find last order",
        Category = "Commerce",
        Description = "Finds the customer's last paid or completed order and outputs its dishes as items for Add to cart; says so when there is none.",
        Outputs = [new OutputDescriptor("items", "array", "[{ sku, quantity }]"), new OutputDescriptor("number", "string")],
        Outcomes = [Results.Found, Results.None],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var recent = await orders.ListForContactAsync(conversation.Business.Id, conversation.Contact.Id, Lookback, cancellationToken);
        var last = recent.FirstOrDefault(o => o.Status is not (OrderStatus.PendingPayment or OrderStatus.Cancelled));
        if (last is null)
        {
            conversation.Send("reorder_none", conversation.Data());
            return ActivityResult.Outcome(Results.None);
        }

        var items = last.Lines
            .Select(l => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["sku"] = l.Sku, ["quantity"] = (decimal)l.Quantity })
            .ToList();
        return ActivityResult.Outcome(Results.Found, new Dictionary<string, object?> { ["items"] = items, ["number"] = last.Number });
    }
}
