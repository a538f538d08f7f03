using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace HaloAgent.Testing.FakeGraph;

/// <summary>
/// Builds WhatsApp Cloud API webhook bodies with Meta's envelope (<c>object</c>, <c>entry[].changes[].value</c> with
/// <c>metadata</c>, <c>contacts</c>, <c>messages</c>, <c>statuses</c>) and signs them like Meta does. Each call adds to
/// the current change; <see cref="NextChange"/> and <see cref="NextEntry"/> start new ones.
/// </summary>
/// <example>
/// <code>
/// var hook = new WhatsAppWebhookBuilder("PNID-1").Text("2348030000001", "I wan buy jollof", name: "Ada");
/// using var response = await http.SendAsync(hook.Sign(appSecret).ToRequest(url));
/// var wamid = hook.LastMessageId;
/// </code>
/// </example>
public sealed class WhatsAppWebhookBuilder
{
    public const string DefaultPhoneNumberId = "100000000000001";

    private static long _sequence;
    private readonly List<List<JsonObject>> _entries = [];
    private readonly string _displayPhoneNumber;

    public WhatsAppWebhookBuilder(string phoneNumberId = DefaultPhoneNumberId, string displayPhoneNumber = "2348000000000")
    {
        _displayPhoneNumber = displayPhoneNumber;
        NextEntry(phoneNumberId);
    }

    /// <summary>Defaults to now; set to make timestamps deterministic.</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The wamid of the last message added.</summary>
    public string LastMessageId { get; private set; } = "";

    /// <summary>A new wamid in Meta's format.</summary>
    public static string NewMessageId() =>
        "wamid.HBgN" + Convert.ToBase64String(Encoding.ASCII.GetBytes($"{Interlocked.Increment(ref _sequence):D12}{Guid.NewGuid():N}"))[..40];

    /// <summary>Starts a new <c>entry</c> (with one change for <paramref name="phoneNumberId"/>, or the current number).</summary>
    public WhatsAppWebhookBuilder NextEntry(string? phoneNumberId = null)
    {
        var number = phoneNumberId ?? CurrentPhoneNumberId;
        _entries.Add([]);
        return NextChange(number);
    }

    /// <summary>Starts a new change in the current entry.</summary>
    public WhatsAppWebhookBuilder NextChange(string? phoneNumberId = null)
    {
        var number = phoneNumberId ?? CurrentPhoneNumberId;
        _entries[^1].Add(new JsonObject
        {
            ["field"] = "messages",
            ["value"] = new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["metadata"] = new JsonObject { ["display_phone_number"] = _displayPhoneNumber, ["phone_number_id"] = number },
            },
        });
        return this;
    }

    public WhatsAppWebhookBuilder Text(string from, string body, string? name = "Customer", string? messageId = null, DateTimeOffset? at = null, string? contextId = null) =>
        Message(from, name, "text", new JsonObject { ["body"] = body }, messageId, at, contextId);

    public WhatsAppWebhookBuilder Image(string from, string mediaId, string? caption = null, string mimeType = "image/jpeg", string? sha256 = null, string? name = "Customer", string? messageId = null)
    {
        var image = new JsonObject { ["mime_type"] = mimeType, ["sha256"] = sha256 ?? Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(mediaId))), ["id"] = mediaId };
        if (caption is not null)
        {
            image["caption"] = caption;
        }

        return Message(from, name, "image", image, messageId);
    }

    public WhatsAppWebhookBuilder Audio(string from, string mediaId, bool voice = true, string mimeType = "audio/ogg; codecs=opus", string? name = "Customer", string? messageId = null) =>
        Message(from, name, "audio", new JsonObject
        {
            ["mime_type"] = mimeType,
            ["sha256"] = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(mediaId))),
            ["id"] = mediaId,
            ["voice"] = voice,
        }, messageId);

    /// <summary>A tap on a reply button we sent (<c>interactive.button_reply</c>).</summary>
    public WhatsAppWebhookBuilder ButtonReply(string from, string id, string title, string? contextId = null, string? name = "Customer", string? messageId = null) =>
        Message(from, name, "interactive", new JsonObject
        {
            ["type"] = "button_reply",
            ["button_reply"] = new JsonObject { ["id"] = id, ["title"] = title },
        }, messageId, contextId: contextId ?? NewMessageId());

    /// <summary>A choice from a list we sent (<c>interactive.list_reply</c>).</summary>
    public WhatsAppWebhookBuilder ListReply(string from, string id, string title, string? description = null, string? contextId = null, string? name = "Customer", string? messageId = null)
    {
        var reply = new JsonObject { ["id"] = id, ["title"] = title };
        if (description is not null)
        {
            reply["description"] = description;
        }

        return Message(from, name, "interactive", new JsonObject { ["type"] = "list_reply", ["list_reply"] = reply }, messageId, contextId: contextId ?? NewMessageId());
    }

    /// <summary>A tap on a template's quick-reply button (<c>button{payload,text}</c>).</summary>
    public WhatsAppWebhookBuilder QuickReply(string from, string payload, string text, string? contextId = null, string? name = "Customer", string? messageId = null) =>
        Message(from, name, "button", new JsonObject { ["payload"] = payload, ["text"] = text }, messageId, contextId: contextId ?? NewMessageId());

    public WhatsAppWebhookBuilder Location(string from, double latitude, double longitude, string? locationName = null, string? address = null, string? name = "Customer", string? messageId = null)
    {
        var location = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
        if (locationName is not null)
        {
            location["name"] = locationName;
        }

        if (address is not null)
        {
            location["address"] = address;
        }

        return Message(from, name, "location", location, messageId);
    }

    /// <summary>A cart from the catalog; prices are written as JSON numbers, as Meta does.</summary>
    public WhatsAppWebhookBuilder Order(
        string from, string catalogId, IEnumerable<(string ProductRetailerId, int Quantity, decimal ItemPrice, string Currency)> items, string? text = null,
        string? name = "Customer", string? messageId = null)
    {
        var order = new JsonObject
        {
            ["catalog_id"] = catalogId,
            ["product_items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
            {
                ["product_retailer_id"] = i.ProductRetailerId,
                ["quantity"] = i.Quantity,
                ["item_price"] = JsonValue.Create(i.ItemPrice),
                ["currency"] = i.Currency,
            }).ToArray()),
        };
        if (text is not null)
        {
            order["text"] = text;
        }

        return Message(from, name, "order", order, messageId);
    }

    /// <summary>A message type we do not support (sticker, video, reaction…); <c>unsupported</c> carries Meta's error.</summary>
    public WhatsAppWebhookBuilder Unsupported(string from, string type = "sticker", string? name = "Customer", string? messageId = null)
    {
        if (type == "unsupported")
        {
            AddMessage(from, name, new JsonObject
            {
                ["type"] = "unsupported",
                ["errors"] = new JsonArray(new JsonObject { ["code"] = 131051, ["title"] = "Message type unknown", ["message"] = "Message type unknown" }),
            }, messageId);
            return this;
        }

        return Message(from, name, type, new JsonObject { ["id"] = "media-" + Guid.NewGuid().ToString("N")[..8], ["mime_type"] = "image/webp" }, messageId);
    }

    /// <summary>A delivery report for a message we sent.</summary>
    public WhatsAppWebhookBuilder Status(
        string messageId, string status, string recipientId = "2348030000001", DateTimeOffset? at = null, int? errorCode = null, string? errorTitle = null,
        string? bizOpaqueCallbackData = null)
    {
        var item = new JsonObject
        {
            ["id"] = messageId,
            ["status"] = status,
            ["timestamp"] = Seconds(at ?? Now),
            ["recipient_id"] = recipientId,
        };
        if (bizOpaqueCallbackData is not null)
        {
            item["biz_opaque_callback_data"] = bizOpaqueCallbackData;
        }

        if (status is "sent" or "delivered" or "read")
        {
            item["pricing"] = new JsonObject { ["billable"] = true, ["pricing_model"] = "PMP", ["category"] = "service" };
        }

        if (errorCode is not null)
        {
            item["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = errorCode,
                ["title"] = errorTitle ?? "Error",
                ["message"] = errorTitle ?? "Error",
                ["error_data"] = new JsonObject { ["details"] = errorTitle ?? "Error" },
            });
        }

        Array(CurrentValue, "statuses").Add(item);
        return this;
    }

    /// <summary>Adds a raw message object (for shapes the helpers do not cover); <c>id</c>, <c>from</c> and <c>timestamp</c> are filled in when missing.</summary>
    public WhatsAppWebhookBuilder RawMessage(string from, JsonObject message, string? name = "Customer")
    {
        AddMessage(from, name, message, message["id"]?.GetValue<string>());
        return this;
    }

    public string Build() =>
        new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(_entries.Select((changes, i) => (JsonNode)new JsonObject
            {
                ["id"] = (102290129340398 + i).ToString(CultureInfo.InvariantCulture),
                ["changes"] = new JsonArray(changes.Select(c => (JsonNode)c.DeepClone()).ToArray()),
            }).ToArray()),
        }.ToJsonString();

    public byte[] BuildBytes() => Encoding.UTF8.GetBytes(Build());

    public SignedWebhook Sign(string appSecret) => Sign(appSecret, BuildBytes());

    /// <summary>Signs any body (e.g. malformed JSON) the way Meta signs webhooks.</summary>
    public static SignedWebhook Sign(string appSecret, byte[] body) => new(body, Signature(appSecret, body));

    /// <summary><c>sha256=&lt;hex HMAC-SHA256(app secret, body)&gt;</c>.</summary>
    public static string Signature(string appSecret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    private string CurrentPhoneNumberId => _entries.Count == 0 || _entries[^1].Count == 0
        ? DefaultPhoneNumberId
        : _entries[^1][^1]["value"]!["metadata"]!["phone_number_id"]!.GetValue<string>();

    private JsonObject CurrentValue => _entries[^1][^1]["value"]!.AsObject();

    private WhatsAppWebhookBuilder Message(string from, string? name, string type, JsonObject content, string? messageId, DateTimeOffset? at = null, string? contextId = null)
    {
        var message = new JsonObject { ["type"] = type, [type] = content };
        if (contextId is not null)
        {
            message["context"] = new JsonObject { ["from"] = _displayPhoneNumber, ["id"] = contextId };
        }

        AddMessage(from, name, message, messageId, at);
        return this;
    }

    private void AddMessage(string from, string? name, JsonObject message, string? messageId, DateTimeOffset? at = null)
    {
        var value = CurrentValue;
        var contacts = Array(value, "contacts");
        if (name is not null && !contacts.Any(c => c?["wa_id"]?.GetValue<string>() == from))
        {
            contacts.Add(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = from });
        }

        LastMessageId = messageId ?? message["id"]?.GetValue<string>() ?? NewMessageId();
        message["from"] = from;
        message["id"] = LastMessageId;
        message["timestamp"] ??= Seconds(at ?? Now);
        Array(value, "messages").Add(message);
    }

    private static JsonArray Array(JsonObject parent, string name)
    {
        if (parent[name] is not JsonArray array)
        {
            parent[name] = array = [];
        }

        return array;
    }

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
