using System.Text.Json.Nodes;

namespace HaloAgent.Channels.Messages;

/// <summary>An interactive message with up to three reply buttons.</summary>
public sealed record ButtonsContent(string Body, IReadOnlyList<ReplyButton> Buttons) : OutboundContent
{
    public override string MessageType => "interactive";

    /// <summary>Optional text header (≤ 60).</summary>
    public string? Header { get; init; }

    /// <summary>Optional footer (≤ 60).</summary>
    public string? Footer { get; init; }

    private protected override void Validate(List<string> errors)
    {
        Require(errors, Body, WhatsAppLimits.ButtonsBody, "Buttons body");
        Limit(errors, Header, WhatsAppLimits.HeaderText, "Header");
        Limit(errors, Footer, WhatsAppLimits.Footer, "Footer");
        if (Buttons is not { Count: > 0 and <= WhatsAppLimits.MaxButtons })
        {
            errors.Add($"A buttons message needs 1 to {WhatsAppLimits.MaxButtons} buttons, not {Buttons?.Count ?? 0}");
        }

        foreach (var (button, index) in (Buttons ?? []).Select((b, i) => (b, i + 1)))
        {
            Require(errors, button.Id, WhatsAppLimits.ButtonId, $"Button {index} id");
            Require(errors, button.Title, WhatsAppLimits.ButtonTitle, $"Button {index} title '{button.Title}'");
        }

        foreach (var duplicate in (Buttons ?? []).GroupBy(b => b.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Button id '{duplicate.Key}' is used more than once");
        }
    }

    private protected override JsonObject ToGraphObject()
    {
        var interactive = new JsonObject { ["type"] = "button" };
        if (Header is not null)
        {
            interactive["header"] = new JsonObject { ["type"] = "text", ["text"] = Header };
        }

        interactive["body"] = new JsonObject { ["text"] = Body };
        if (Footer is not null)
        {
            interactive["footer"] = new JsonObject { ["text"] = Footer };
        }

        interactive["action"] = new JsonObject
        {
            ["buttons"] = new JsonArray(Buttons.Select(b => (JsonNode)new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = b.Id, ["title"] = b.Title },
            }).ToArray()),
        };
        return interactive;
    }
}
