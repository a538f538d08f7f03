using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using HaloAgent.Channels.Inbound;
using HaloAgent.Platform.Messaging;

namespace HaloAgent.Channels.WhatsApp;

/// <summary>
/// Reads a WhatsApp Cloud API webhook (<c>object=whatsapp_business_account</c>): every entry, every change, with its
/// <c>metadata.phone_number_id</c>, contacts, messages, statuses and errors. Lenient about shape (a missing or oddly typed
/// field is skipped, an unsupported message type becomes <see cref="InboundMessageType.Unknown"/>), strict about JSON.
/// </summary>
public static class WhatsAppPayloadParser
{
    public const string BusinessAccountObject = "whatsapp_business_account";

    /// <param name="body">The raw webhook body.</param>
    /// <param name="receivedAt">Used as the timestamp of an item that has none.</param>
    public static WhatsAppParseResult Parse(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        // System.Text.Json checks UTF-8 only when a string is read: a bad byte inside a string would throw later, in
        // the middle of processing, looking like a transient failure. Refuse it up front.
        if (!Utf8.IsValid(body.Span))
        {
            return WhatsAppParseResult.Fail("Invalid UTF-8 in the webhook body.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return WhatsAppParseResult.Fail($"Malformed JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WhatsAppParseResult.Fail($"Malformed webhook: the body is a JSON {root.ValueKind}, not an object.");
            }

            var @object = Str(root, "object");
            if (@object != BusinessAccountObject)
            {
                return WhatsAppParseResult.Ok(@object, []);
            }

            var changes = new List<WhatsAppChange>();
            try
            {
                foreach (var entry in Array(root, "entry"))
                {
                    foreach (var change in Array(entry, "changes"))
                    {
                        changes.Add(ParseChange(change, receivedAt));
                    }
                }
            }
            catch (InvalidOperationException ex)
            {
                // A string that cannot be read (e.g. an escaped lone surrogate): the body is unreadable, not the database.
                return WhatsAppParseResult.Fail($"Unreadable webhook: {ex.Message}");
            }

            return WhatsAppParseResult.Ok(@object, changes);
        }
    }

    private static WhatsAppChange ParseChange(JsonElement change, DateTimeOffset receivedAt)
    {
        var value = Obj(change, "value");
        var metadata = Obj(value, "metadata");
        var contacts = Array(value, "contacts")
            .Select(c => (WaId: Str(c, "wa_id"), Name: Str(Obj(c, "profile"), "name"), UserId: Str(c, "user_id")))
            .ToList();

        var messages = new List<InboundMessage>();
        var unreadable = new List<string>();
        foreach (var item in Array(value, "messages"))
        {
            if (ParseMessage(item, contacts, receivedAt) is { } message)
            {
                messages.Add(message);
            }
            else
            {
                unreadable.Add(item.ValueKind == JsonValueKind.Object ? "A message without an id." : $"A message that is a JSON {item.ValueKind}, not an object.");
            }
        }

        var statuses = Array(value, "statuses").Select(s => ParseStatus(s, receivedAt)).OfType<StatusUpdate>().ToList();
        var errors = Errors(value);
        return new WhatsAppChange(Str(change, "field"), Str(metadata, "phone_number_id"), Str(metadata, "display_phone_number"), messages, statuses, errors)
        {
            Unreadable = unreadable,
            TemplateStatus = Str(change, "field") == TemplateStatusField ? ParseTemplateStatus(value) : null,
        };
    }

    /// <summary>The <c>field</c> of a template's status change.</summary>
    public const string TemplateStatusField = "message_template_status_update";

    private static TemplateStatusUpdate? ParseTemplateStatus(JsonElement value)
    {
        if (Str(value, "message_template_id") is not { Length: > 0 } id || Str(value, "event") is not { Length: > 0 } status)
        {
            return null;
        }

        // A pause says why in other_info (e.g. "low quality"), a rejection in reason; NONE means no reason.
        var reason = Str(Obj(value, "other_info"), "description") ?? Str(value, "reason");
        return new TemplateStatusUpdate(
            id, Str(value, "message_template_name"), Str(value, "message_template_language"), status.ToUpperInvariant(), reason is null or "NONE" ? null : reason);
    }

    private static InboundMessage? ParseMessage(JsonElement m, List<(string? WaId, string? Name, string? UserId)> contacts, DateTimeOffset receivedAt)
    {
        var id = Str(m, "id");
        if (string.IsNullOrEmpty(id))
        {
            return null; // without a wamid it can be neither deduplicated nor answered
        }

        var from = Str(m, "from") ?? "";
        var contact = contacts.FirstOrDefault(c => c.WaId == from);
        if (contact == default && contacts.Count == 1)
        {
            contact = contacts[0];
        }

        var providerType = Str(m, "type") ?? "unknown";
        var message = new InboundMessage
        {
            BusinessId = "",
            Channel = ChannelKind.WhatsApp,
            ExternalId = id,
            From = from,
            ProfileName = contact.Name,
            UserId = Str(m, "from_user_id") ?? contact.UserId,
            Timestamp = Timestamp(m, receivedAt),
            Type = InboundMessageType.Unknown,
            ProviderType = providerType,
            ContextMessageId = Str(Obj(m, "context"), "id"),
        };

        switch (providerType)
        {
            case "text":
                return message with { Type = InboundMessageType.Text, Text = Str(Obj(m, "text"), "body") };

            case "interactive":
                var interactive = Obj(m, "interactive");
                var kind = Str(interactive, "type");
                var reply = Obj(interactive, kind ?? "");
                if (kind is "button_reply" or "list_reply" && Str(reply, "id") is { } replyId)
                {
                    var title = Str(reply, "title");
                    return message with
                    {
                        Type = kind == "button_reply" ? InboundMessageType.ButtonReply : InboundMessageType.ListReply,
                        Reply = new InboundReply(replyId, title, Str(reply, "description")),
                        Text = title,
                    };
                }

                return message with { ProviderType = $"interactive.{kind}" };

            case "button":
                var button = Obj(m, "button");
                var text = Str(button, "text");
                return message with
                {
                    Type = InboundMessageType.Button,
                    Reply = new InboundReply(Str(button, "payload") ?? text ?? "", text),
                    Text = text,
                };

            case "image":
            case "audio":
                var media = Obj(m, providerType);
                var caption = Str(media, "caption");
                return message with
                {
                    Type = providerType == "image" ? InboundMessageType.Image : InboundMessageType.Audio,
                    Text = caption,
                    Media = new InboundMedia
                    {
                        Id = Str(media, "id"),
                        MimeType = Str(media, "mime_type"),
                        Sha256 = Str(media, "sha256"),
                        Caption = caption,
                        Voice = Bool(media, "voice"),
                    },
                };

            case "location":
                var location = Obj(m, "location");
                if (Number(location, "latitude") is { } latitude && Number(location, "longitude") is { } longitude)
                {
                    return message with
                    {
                        Type = InboundMessageType.Location,
                        Location = new InboundLocation((double)latitude, (double)longitude, Str(location, "name"), Str(location, "address")),
                    };
                }

                return message;

            case "order":
                var order = Obj(m, "order");
                var items = Array(order, "product_items")
                    .Select(i => new InboundOrderItem(
                        Str(i, "product_retailer_id") ?? "",
                        Int(i, "quantity") ?? 0,
                        Number(i, "item_price") ?? 0m,
                        Str(i, "currency")))
                    .ToList();
                var note = Str(order, "text");
                return message with
                {
                    Type = InboundMessageType.Order,
                    Order = new InboundOrder(Str(order, "catalog_id"), items, note),
                    Text = note,
                };

            default:
                // sticker, video, document, contacts, reaction, system, unsupported…: the agent answers politely.
                return message;
        }
    }

    private static StatusUpdate? ParseStatus(JsonElement s, DateTimeOffset receivedAt)
    {
        var id = Str(s, "id");
        var status = DeliveryStatusNames.Parse(Str(s, "status"));
        if (string.IsNullOrEmpty(id) || status is null)
        {
            return null; // e.g. a status kind we do not track ("deleted", "warning")
        }

        return new StatusUpdate
        {
            MessageId = id,
            Status = status.Value,
            Timestamp = Timestamp(s, receivedAt),
            RecipientId = Str(s, "recipient_id"),
            Errors = Errors(s),
            BizOpaqueCallbackData = Str(s, "biz_opaque_callback_data"),
        };
    }

    private static List<StatusError> Errors(JsonElement parent) =>
        Array(parent, "errors")
            .Select(e => new StatusError(
                Int(e, "code") ?? 0,
                Str(e, "title") ?? Str(e, "message"),
                Str(Obj(e, "error_data"), "details") ?? Str(e, "message")))
            .ToList();

    private static DateTimeOffset Timestamp(JsonElement element, DateTimeOffset fallback) =>
        Number(element, "timestamp") is { } seconds && seconds > 0 && seconds < 32503680000m
            ? DateTimeOffset.FromUnixTimeSeconds((long)seconds)
            : fallback;

    private static JsonElement Obj(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    /// <summary>A string property; a number is read as its literal text (Meta is not consistent about ids).</summary>
    private static string? Str(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>A number given as a JSON number or a numeric string, read as decimal (prices must not pass through double).</summary>
    private static decimal? Number(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static int? Int(JsonElement parent, string name) =>
        Number(parent, name) is { } number && number is >= int.MinValue and <= int.MaxValue ? (int)decimal.Truncate(number) : null;

    private static bool Bool(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
