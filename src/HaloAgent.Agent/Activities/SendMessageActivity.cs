using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Carts;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;

namespace HaloAgent.Agent.Activities;

/// <summary>Sends a message template in the contact's language, optionally with reply buttons.</summary>
public sealed class SendMessageActivity(ConversationLoader conversations, ICartService carts) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SendMessage",
        DisplayName = "Send WhatsApp message",
        Category = "Agent",
        Description = "Renders a message template (templates/messages/<lang>/<key>.hbs) in the contact's language and queues it; sent once even if the step re-runs.",
        Inputs =
        [
            new InputDescriptor("template", InputKind.Text) { DisplayName = "Template key", Required = true, UiHint = "template" },
            new InputDescriptor("data", InputKind.Expression) { DisplayName = "Extra data", Description = "An expression giving an object merged into the template data." },
            new InputDescriptor("withCart", InputKind.Boolean) { DisplayName = "Include the cart", Default = JsonValue.Create(false) },
            new InputDescriptor("buttons", InputKind.Json) { DisplayName = "Reply buttons", Description = "Up to 3 of { id, label } where label is a template key." },
        ],
        Outputs = [new OutputDescriptor("text", "string")],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var conversation = await conversations.LoadAsync(context, cancellationToken);
        var data = conversation.Data();
        if (context.Input<bool>("withCart"))
        {
            data["cart"] = TemplateData.Cart(await carts.GetAsync(conversation.Business.Id, conversation.Contact.Id, cancellationToken), conversation.Language);
        }

        if (context.Input<object>("data") is IDictionary<string, object?> extra)
        {
            foreach (var (key, value) in extra)
            {
                data[key] = value;
            }
        }

        var buttons = (context.Input<object>("buttons") as IEnumerable<object?> ?? [])
            .OfType<IDictionary<string, object?>>()
            .Select(b => (Id: b["id"] as string ?? "", LabelKey: b["label"] as string ?? ""))
            .ToArray();
        var text = conversation.Send(context.Text("template")!, data, buttons);
        return ActivityResult.Done(new Dictionary<string, object?> { ["text"] = text });
    }
}
