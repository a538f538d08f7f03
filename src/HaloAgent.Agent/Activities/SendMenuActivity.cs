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
        Description = "Sends the catalog as interactive lists (products in stock by category, with prices in Naira; ten rows per list, as WhatsApp allows).",
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var products = await catalog.ListAsync(conversation.Business.Id, includeInactive: false, cancellationToken);
        var data = conversation.Data();
        var pages = MenuRows.Pages(products, conversation.Language, conversation.Render("menu_section", data));
        var button = MenuRows.Fit(conversation.Render("menu_button", data), WhatsAppLimits.ListButton);
        if (pages.Count == 0)
        {
            conversation.Enqueue(new TextContent(conversation.Render("menu_intro", data)));
        }

        // WhatsApp shows at most ten rows per list: a longer menu goes out as several lists, none of it cut off.
        for (var page = 0; page < pages.Count; page++)
        {
            var body = conversation.Render(page == 0 ? "menu_intro" : "menu_more", data);
            conversation.Enqueue(new ListContent(body, button, pages[page]));
        }

        return ActivityResult.Done(new Dictionary<string, object?> { ["products"] = (decimal)pages.Sum(p => p.Sum(s => s.Rows.Count)) });
    }
}
