namespace HaloAgent.Channels.Inbound;

/// <summary>How a <see cref="ChannelKind"/> is written in the database and in event payloads.</summary>
public static class ChannelNames
{
    public const string WhatsApp = "whatsapp";
    public const string Twilio = "twilio";
    public const string WebChat = "webchat";

    public static string Of(ChannelKind channel) => channel switch
    {
        ChannelKind.Twilio => Twilio,
        ChannelKind.WebChat => WebChat,
        _ => WhatsApp,
    };

    /// <summary>Unknown or missing names read as WhatsApp, the channel every contact had before there were others.</summary>
    public static ChannelKind Parse(string? name) => name switch
    {
        Twilio => ChannelKind.Twilio,
        WebChat => ChannelKind.WebChat,
        _ => ChannelKind.WhatsApp,
    };
}
