namespace HaloAgent.Channels.Webhooks;

/// <summary>The <c>provider</c> of a stored webhook event: which parser reads its body.</summary>
internal static class WebhookProviders
{
    public const string WhatsApp = "whatsapp";
    public const string Twilio = "twilio";
    public const string WebChat = "webchat";
}
