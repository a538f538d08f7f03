using System.Text.Json.Nodes;

namespace HaloAgent.Channels.Messages;

/// <summary>
/// What to send, independent of the recipient: text, reply buttons, a list, an image or a template. Validated against
/// <see cref="WhatsAppLimits"/> before it is queued; serialised to exactly the Graph API request body.
/// </summary>
public abstract record OutboundContent
{
    private protected OutboundContent()
    {
    }

    /// <summary>The Graph API message <c>type</c>.</summary>
    public abstract string MessageType { get; }

    /// <summary>Every problem with this content (empty when it can be sent).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Validate(errors);
        return errors;
    }

    /// <summary>Throws <see cref="OutboundContentException"/> listing every problem.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new OutboundContentException(errors);
        }
    }

    /// <summary>The request body of <c>POST /{phone-number-id}/messages</c>.</summary>
    public JsonObject ToGraphRequest(string to, string? bizOpaqueCallbackData = null)
    {
        var request = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = to,
            ["type"] = MessageType,
            [MessageType] = ToGraphObject(),
        };
        if (bizOpaqueCallbackData is not null)
        {
            request["biz_opaque_callback_data"] = bizOpaqueCallbackData;
        }

        return request;
    }

    private protected abstract void Validate(List<string> errors);

    private protected abstract JsonObject ToGraphObject();

    private protected static void Require(List<string> errors, string? value, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{what} is required");
        }
        else
        {
            Limit(errors, value, max, what);
        }
    }

    private protected static void Limit(List<string> errors, string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add($"{what} is {value.Length} characters; WhatsApp allows {max}");
        }
    }
}
