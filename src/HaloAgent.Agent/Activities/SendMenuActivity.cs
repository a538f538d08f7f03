using HaloAgent.Agent.Conversations;
using HaloAgent.Channels.Messages;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities;

/// <summary>Sends the menu as a WhatsApp list the customer can tap.</summary>
public sealed class SendMenuActivity(ConversationLoader conversations, ICatalogService catalog) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SendMenu",
        DisplayName = "Send menu",
        Category = "Commerce",
        Description = "Sends the catalog as an interactive list (products in stock, with prices in Naira).",
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var products = await catalog.ListAsync(conversation.Business.Id, includeInactive: false, cancellationToken);
        var rows = MenuRows.For(products, conversation.Language);
        var data = conversation.Data();
        var body = conversation.Render("menu_intro", data);
        conversation.Enqueue(rows.Count == 0
            ? new TextContent(body)
            : new ListContent(
                body,
                MenuRows.Fit(conversation.Render("menu_button", data), WhatsAppLimits.ListButton),
                [new ListSection(MenuRows.Fit(conversation.Render("menu_section", data), WhatsAppLimits.SectionTitle), rows)]));
        return ActivityResult.Done(new Dictionary<string, object?> { ["products"] = (decimal)rows.Count });
    }
}
