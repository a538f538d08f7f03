using HaloAgent.Agent.Conversations;
using HaloAgent.Channels.Messages;
using HaloAgent.Platform.Money;
using HaloAgent.Commerce.Orders;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities;

/// <summary>Shows the order summary with its total (computed by code) and asks the customer to confirm it.</summary>
public sealed class QuoteOrderActivity(ConversationLoader conversations, IOrderService orders) : Activity
{
    public static class Results
    {
        public const string Quoted = "Quoted";
        public const string NeedsAddress = "NeedsAddress";
        public const string NeedsZone = "NeedsZone";
        public const string CannotOrder = "CannotOrder";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "QuoteOrder",
        DisplayName = "Quote order",
        Category = "Commerce",
        Description = "Prices the cart with the delivery fee of the zone and asks for confirmation; asks for the address or the zone when missing.",
        Inputs = OrderInputs.Descriptors,
        Outputs = [new OutputDescriptor("zone", "string"), new OutputDescriptor("totalKobo", "number")],
        Outcomes = [Results.Quoted, Results.NeedsAddress, Results.NeedsZone, Results.CannotOrder],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var inputs = OrderInputs.Read(context, conversation.Business);
        if (inputs.Fulfilment == Fulfilment.Delivery && inputs.Address is null)
        {
            conversation.Send("ask_address", conversation.Data());
            return ActivityResult.Outcome(Results.NeedsAddress);
        }

        if (inputs.Fulfilment == Fulfilment.Delivery && inputs.Zone is null)
        {
            AskZone(conversation, "ask_delivery_zone", conversation.Data());
            return ActivityResult.Outcome(Results.NeedsZone);
        }

        // An area outside every zone is refused here, with the zones, and asked again: no fee can be charged for it.
        if (inputs.Fulfilment == Fulfilment.Delivery && conversation.Business.FindZone(inputs.Zone) is null)
        {
            AskZone(conversation, "zone_not_served", conversation.Data(("zone", inputs.Zone)));
            return ActivityResult.Outcome(Results.NeedsZone);
        }

        var result = await orders.QuoteAsync(inputs.Request(conversation.Business.Id, conversation.Contact.Id), cancellationToken);
        if (result.Quote is not { } quote || !result.Succeeded)
        {
            OrderReplies.SendRefusal(conversation, result);
            return ActivityResult.Outcome(Results.CannotOrder, new Dictionary<string, object?> { ["reason"] = result.Outcome.ToString() });
        }

        var summary = conversation.Data(
            ("order", TemplateData.Quote(quote, conversation.Language)),
            ("hours", TemplateData.Hours(conversation.Business, context.Now, conversation.Language)));
        conversation.Send("order_summary", summary);
        conversation.Send("confirm_prompt", summary, ("confirm", "button_confirm"), ("change", "button_change"));
        return ActivityResult.Outcome(Results.Quoted, new Dictionary<string, object?> { ["zone"] = inputs.Zone, ["totalKobo"] = (decimal)quote.TotalKobo });
    }

    /// <summary>The zones as a list to pick from (with their fees), under the text of <paramref name="key"/>.</summary>
    private static void AskZone(Conversation conversation, string key, Dictionary<string, object?> data)
    {
        var zones = conversation.Business.DeliveryZones.Take(WhatsAppLimits.MaxRows)
            .Select(z => new ListRow(MenuRows.Fit(z.Name, WhatsAppLimits.RowId), MenuRows.Fit(z.Name, WhatsAppLimits.RowTitle), Naira.Format(z.FeeKobo, conversation.Language)))
            .ToList();
        conversation.Enqueue(new ListContent(conversation.Render(key, data), MenuRows.Fit(conversation.Render("button_delivery", data), WhatsAppLimits.ListButton), [new ListSection(null, zones)]));
    }
}
