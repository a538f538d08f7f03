using System.Text.Json.Serialization;

namespace HaloAgent.Channels.Inbound;

/// <summary>The transport a conversation arrives on; the agent answers every one the same way.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChannelKind>))]
public enum ChannelKind
{
    [JsonStringEnumMemberName("whatsapp")]
    WhatsApp,

    [JsonStringEnumMemberName("twilio")]
    Twilio,

    [JsonStringEnumMemberName("webchat")]
    WebChat,
}
