using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Commerce.Businesses;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Content;
using HaloAgent.Engine.Activities;
using HaloAgent.Platform.Messaging;

namespace HaloAgent.Agent.Conversations;

/// <summary>
/// One step's view of the chat: who the customer is, which business, in which language, and how to reply. Replies
/// are enlisted with the step, so they are queued exactly when the step commits and never twice, on the channel the
/// customer last wrote on.
/// </summary>
public sealed class Conversation(ActivityContext step, ContactInfo contact, BusinessProfile business, MessageTemplates templates)
{
    private int _sent;

    public ContactInfo Contact { get; } = contact;

    public BusinessProfile Business { get; } = business;

    public string Language => Contact.PreferredLanguage ?? Business.DefaultLanguage;

    /// <summary>The data every template gets (<c>contact</c>, <c>business</c>) plus what the step adds.</summary>
    public Dictionary<string, object?> Data(params (string Key, object? Value)[] extra)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["contact"] = TemplateData.Contact(Contact),
            ["business"] = TemplateData.Business(Business),
        };
        foreach (var (key, value) in extra)
        {
            data[key] = value;
        }

        return data;
    }

    public string Render(string key, Dictionary<string, object?> data) => templates.Render(key, Language, data);

    /// <summary>Queues the rendered template as text, or with reply buttons (each a template key for its label).</summary>
    public string Send(string key, Dictionary<string, object?> data, params (string Id, string LabelKey)[] buttons) =>
        SendBody(Render(key, data), data, buttons);

    /// <summary>As <see cref="Send"/>, with a text written in the Studio instead of a template key's file.</summary>
    public string SendText(string source, Dictionary<string, object?> data, params (string Id, string LabelKey)[] buttons) =>
        SendBody(templates.RenderText(source, Language, data), data, buttons);

    private string SendBody(string body, Dictionary<string, object?> data, (string Id, string LabelKey)[] buttons)
    {
        OutboundContent content = buttons.Length == 0
            ? new TextContent(body)
            : new ButtonsContent(body, buttons.Select(b => new ReplyButton(b.Id, Render(b.LabelKey, data))).ToList());
        Enqueue(content);
        return body;
    }

    public void Enqueue(OutboundContent content)
    {
        // One step may send several messages: each gets its own key derived from the step's.
        var key = $"{step.IdempotencyKey}:{_sent++}";
        step.Enlist(new SendMessageWrite(new OutboundMessage(Business.Id, Contact.WaId, content, key)
        {
            // The instance's A/B variants ride along so the experiment sees this message's delivery, read and reply.
            BizOpaqueCallbackData = FlowCallback.Format(step.Instance.FlowId, step.Node.Id, step.AssignedVariants),
            Channel = ChannelNames.Parse(Contact.Channel),
            TemplateLanguage = ApprovedTemplateLanguage.For(Language, Business.TemplateLanguageFallback),
        }));
    }
}
