using System.Text.Json.Nodes;

namespace HaloAgent.Channels.Messages;

/// <summary>A value for one placeholder of an approved template.</summary>
public sealed record TemplateParameter
{
    private TemplateParameter(string type, string value)
    {
        Type = type;
        Value = value;
    }

    /// <summary><c>text</c>, <c>payload</c> (quick-reply button) or <c>image</c> (header link).</summary>
    public string Type { get; }

    public string Value { get; }

    public static TemplateParameter Text(string text) => new("text", text);

    /// <summary>What a quick-reply button sends back in the customer's <c>button.payload</c>.</summary>
    public static TemplateParameter Payload(string payload) => new("payload", payload);

    public static TemplateParameter ImageLink(string link) => new("image", link);

    internal JsonObject ToGraph() => Type switch
    {
        "image" => new JsonObject { ["type"] = "image", ["image"] = new JsonObject { ["link"] = Value } },
        _ => new JsonObject { ["type"] = Type, [Type] = Value },
    };
}
