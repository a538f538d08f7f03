using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Carts;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities;

/// <summary>Whether a reminder about the cart may be sent: it still has items and the contact has not opted out.</summary>
public sealed class CheckCartActivity(ConversationLoader conversations, ICartService carts) : Activity
{
    public static class Results
    {
        public const string HasItems = "HasItems";
        public const string Empty = "Empty";
        public const string OptedOut = "OptedOut";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "CheckCart",
        DisplayName = "Check cart",
        Category = "Commerce",
        Description = "Has items (and the contact accepts reminders), is empty, or the contact opted out.",
        Outcomes = [Results.HasItems, Results.Empty, Results.OptedOut],
        Outputs = [new OutputDescriptor("cart", "object")],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var cart = await carts.GetAsync(conversation.Business.Id, conversation.Contact.Id, cancellationToken);
        var output = new Dictionary<string, object?> { ["cart"] = TemplateData.Cart(cart, conversation.Language) };
        var outcome = conversation.Contact.MarketingOptOut ? Results.OptedOut : cart.IsEmpty ? Results.Empty : Results.HasItems;
        return ActivityResult.Outcome(outcome, output);
    }
}
