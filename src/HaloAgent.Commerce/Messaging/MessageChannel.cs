namespace HaloAgent.Commerce.Messaging;

/// <summary>Stored as "whatsapp", "twilio", "webchat".</summary>
public enum MessageChannel
{
    Whatsapp,
    Twilio,
    Webchat,
}
