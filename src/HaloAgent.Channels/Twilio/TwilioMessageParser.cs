using System.Globalization;
using System.Text;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Messages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace HaloAgent.Channels.Twilio;

/// <summary>
/// Turns Twilio's form-encoded WhatsApp webhook (<c>From</c>/<c>To</c> = <c>whatsapp:+234…</c>, <c>Body</c>,
/// <c>NumMedia</c>, <c>MediaUrl0</c>, <c>MediaContentType0</c>, <c>ProfileName</c>, <c>WaId</c>, <c>MessageSid</c>,
/// quick-reply <c>ButtonPayload</c>/<c>ButtonText</c>, <c>Latitude</c>/<c>Longitude</c>) into the same
/// <see cref="InboundMessage"/> as WhatsApp's own webhooks.
/// </summary>
internal static class TwilioMessageParser
{
    public static Dictionary<string, StringValues> ReadForm(byte[] body) => new FormReader(Encoding.UTF8.GetString(body)).ReadForm();

    public static TwilioInbound Parse(IReadOnlyDictionary<string, StringValues> form, DateTimeOffset receivedAt)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

        var sid = Field("MessageSid") ?? Field("SmsMessageSid");
        if (sid is null)
        {
            return new TwilioInbound(null, null, "Twilio webhook without MessageSid");
        }

        var to = Field("To");
        var businessNumber = to is null ? null : StripPrefix(to);
        var from = WhatsAppId.Normalize(Field("WaId")) ?? WhatsAppId.Normalize(Field("From"));
        if (businessNumber is null || from is null)
        {
            return new TwilioInbound(businessNumber, null, $"Twilio webhook {sid} without a usable From/To");
        }

        var body = Field("Body");
        var message = new InboundMessage
        {
            BusinessId = "",
            Channel = ChannelKind.Twilio,
            ExternalId = sid,
            From = from,
            ProfileName = Field("ProfileName"),
            Timestamp = receivedAt, // Twilio sends no message time
            Type = InboundMessageType.Text,
            ProviderType = Field("MessageType") ?? "text",
            Text = body,
            ContextMessageId = Field("OriginalRepliedMessageSid"),
        };

        if (Field("ButtonPayload") is not null || Field("ButtonText") is not null)
        {
            var text = Field("ButtonText");
            return new TwilioInbound(businessNumber, message with
            {
                Type = InboundMessageType.Button,
                Reply = new InboundReply(Field("ButtonPayload") ?? text!, text),
                Text = text ?? body,
            }, null);
        }

        if (double.TryParse(Field("Latitude"), NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) &&
            double.TryParse(Field("Longitude"), NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
        {
            return new TwilioInbound(businessNumber, message with
            {
                Type = InboundMessageType.Location,
                Location = new InboundLocation(latitude, longitude, Field("Label"), Field("Address")),
            }, null);
        }

        if (int.TryParse(Field("NumMedia"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            var mime = Field("MediaContentType0");
            var type = mime?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true ? InboundMessageType.Image
                : mime?.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) == true ? InboundMessageType.Audio
                : InboundMessageType.Unknown;
            return new TwilioInbound(businessNumber, message with
            {
                Type = type,
                ProviderType = mime,
                Media = new InboundMedia
                {
                    Url = Field("MediaUrl0"),
                    MimeType = mime,
                    Caption = body,
                    Voice = mime?.StartsWith("audio/ogg", StringComparison.OrdinalIgnoreCase) == true,
                },
            }, null);
        }

        return new TwilioInbound(businessNumber, body is null ? message with { Type = InboundMessageType.Unknown } : message, null);
    }

    private static string StripPrefix(string address) =>
        address.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? address["whatsapp:".Length..].Trim() : address.Trim();
}
