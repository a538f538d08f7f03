using System.Text.Json.Nodes;
using HaloAgent.Agent.Conversations;
using HaloAgent.Commerce.Carts;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Agent.Activities;

/// <summary>
/// Sends a message template in the contact's language, optionally with reply buttons. The text is the template file of
/// its key, or, when the node carries its own <c>texts</c> (written in the Studio, one per language), that text: held
/// to the same template rules as the files, checked when the flow is saved.
/// </summary>
public sealed class SendMessageActivity(ConversationLoader conversations, ICartService carts, MessageTemplates templates) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SendMessage",
        DisplayName = "Send WhatsApp message",
        Category = "Agent",
        Description = "Renders a message template (templates/messages/<lang>/<key>.hbs, or the text written on the node) in the contact's language and queues it; sent once even if the step re-runs.",
        Inputs =
        [
            new InputDescriptor("template", InputKind.Text) { DisplayName = "Template key", Required = true, UiHint = "template" },
            new InputDescriptor("data", InputKind.Expression) { DisplayName = "Extra data", Description = "An expression giving an object merged into the template data." },
            new InputDescriptor("withCart", InputKind.Boolean) { DisplayName = "Include the cart", Default = JsonValue.Create(false) },
            new InputDescriptor("buttons", InputKind.Json) { DisplayName = "Reply buttons", Description = "Up to 3 of { id, label } where label is a template key." },
            new InputDescriptor(TextsInput, InputKind.Json)
            {
                DisplayName = "Message text",
                Description = "The message written here, per language ({ \"en\": \"Hello {{contact.name}}\", \"yo\": ... }), instead of the template file of the key; English is used for a language without its own text.",
                UiHint = "template-texts",
            },
        ],
        Outputs = [new OutputDescriptor("text", "string")],
    };

    public const string TextsInput = "texts";

    private static string? Written(IDictionary<string, object?>? texts, string language) =>
        texts is not null && texts.TryGetValue(language, out var text) && text is string s && !string.IsNullOrWhiteSpace(s) ? s : null;

    public override IEnumerable<ValidationError> Validate(FlowNode node)
    {
        if (!node.Inputs.TryGetValue(TextsInput, out var raw) || raw is null)
        {
            yield break;
        }

        if (raw is not JsonObject texts)
        {
            yield return new ValidationError(node.Id, TextsInput, "The message text must be an object of language code to text, e.g. { \"en\": \"Hello\" }.");
            yield break;
        }

        if (texts.Count > 0 && texts[LanguageCodes.English] is null)
        {
            yield return new ValidationError(node.Id, $"{TextsInput}.{LanguageCodes.English}", "Write the English text: it is sent in every language without its own.");
        }

        foreach (var (language, value) in texts)
        {
            if (!LanguageCodes.All.Contains(language))
            {
                yield return new ValidationError(node.Id, $"{TextsInput}.{language}", $"Unknown language '{language}'; use one of {string.Join(", ", LanguageCodes.All)}.");
            }
            else if (value is not JsonValue text || !text.TryGetValue<string>(out var source) || string.IsNullOrWhiteSpace(source))
            {
                yield return new ValidationError(node.Id, $"{TextsInput}.{language}", "The text must not be empty.");
            }
            else
            {
                foreach (var problem in templates.Check(source, language))
                {
                    yield return new ValidationError(node.Id, $"{TextsInput}.{language}", problem);
                }
            }
        }
    }

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
        var written = context.Input<object>(TextsInput) as IDictionary<string, object?>;
        var source = Written(written, conversation.Language) ?? Written(written, LanguageCodes.English);
        var text = source is null
            ? conversation.Send(context.Text("template")!, data, buttons)
            : conversation.SendText(source, data, buttons);
        return ActivityResult.Done(new Dictionary<string, object?> { ["text"] = text });
    }
}
