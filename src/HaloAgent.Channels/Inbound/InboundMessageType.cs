using System.Text.Json.Serialization;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Channels.Inbound;

/// <summary>What a customer sent. Anything the channel supports but we do not (stickers, video, reactions…) is <see cref="Unknown"/>.</summary>
[JsonConverter(typeof(InboundMessageTypeConverter))]
public enum InboundMessageType
{
    Text,

    /// <summary>Tap on an interactive reply button (<c>interactive.button_reply</c>).</summary>
    ButtonReply,

    /// <summary>Choice from an interactive list (<c>interactive.list_reply</c>).</summary>
    ListReply,

    /// <summary>Tap on a template's quick-reply button (<c>button{payload,text}</c>).</summary>
    Button,

    Image,

    Audio,

    Location,

    /// <summary>A cart sent from the business's catalog.</summary>
    Order,

    Unknown,
}

/// <summary>snake_case on the wire (<c>button_reply</c>), as WhatsApp names them.</summary>
internal sealed class InboundMessageTypeConverter() : JsonStringEnumConverter<InboundMessageType>(SnakeCase.JsonPolicy);
