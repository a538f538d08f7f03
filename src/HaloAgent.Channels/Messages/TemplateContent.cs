using System.Text.Json.Nodes;

namespace HaloAgent.Channels.Messages;

/// <summary>
/// An approved message template: the only thing that reaches a customer outside the 24-hour window (131047). Meta's
/// template languages include Hausa (<c>ha</c>) and English but not Yoruba, Igbo or Pidgin.
/// </summary>
public sealed record TemplateContent(string Name, string LanguageCode, IReadOnlyList<TemplateComponent>? Components = null) : OutboundContent
{
    public override string MessageType => "template";

    private protected override void Validate(List<string> errors)
    {
        Require(errors, Name, WhatsAppLimits.TemplateName, "Template name");
        Require(errors, LanguageCode, 16, "Template language code");
        foreach (var component in Components ?? [])
        {
            if (string.IsNullOrWhiteSpace(component.Type))
            {
                errors.Add("A template component needs a type (header, body or button)");
            }

            if (component.Type == "button" && (component.SubType is null || component.Index is null))
            {
                errors.Add("A template button component needs a sub_type and an index");
            }

            if (component.Parameters.Any(p => string.IsNullOrEmpty(p.Value)))
            {
                errors.Add($"Template {component.Type} has an empty parameter");
            }
        }
    }

    private protected override JsonObject ToGraphObject()
    {
        var template = new JsonObject { ["name"] = Name, ["language"] = new JsonObject { ["code"] = LanguageCode } };
        if (Components is { Count: > 0 })
        {
            template["components"] = new JsonArray(Components.Select(c =>
            {
                var node = new JsonObject { ["type"] = c.Type };
                if (c.SubType is not null)
                {
                    node["sub_type"] = c.SubType;
                }

                if (c.Index is not null)
                {
                    node["index"] = c.Index.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                node["parameters"] = new JsonArray(c.Parameters.Select(p => (JsonNode)p.ToGraph()).ToArray());
                return (JsonNode)node;
            }).ToArray());
        }

        return template;
    }
}
