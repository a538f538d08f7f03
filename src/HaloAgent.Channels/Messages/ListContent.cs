using System.Text.Json.Nodes;

namespace HaloAgent.Channels.Messages;

/// <summary>An interactive list: a button (≤ 20) that opens up to 10 rows in up to 10 sections.</summary>
public sealed record ListContent(string Body, string ButtonText, IReadOnlyList<ListSection> Sections) : OutboundContent
{
    public override string MessageType => "interactive";

    public string? Header { get; init; }

    public string? Footer { get; init; }

    private protected override void Validate(List<string> errors)
    {
        Require(errors, Body, WhatsAppLimits.ListBody, "List body");
        Require(errors, ButtonText, WhatsAppLimits.ListButton, $"List button '{ButtonText}'");
        Limit(errors, Header, WhatsAppLimits.HeaderText, "Header");
        Limit(errors, Footer, WhatsAppLimits.Footer, "Footer");
        var sections = Sections ?? [];
        if (sections.Count is 0 or > WhatsAppLimits.MaxSections)
        {
            errors.Add($"A list needs 1 to {WhatsAppLimits.MaxSections} sections, not {sections.Count}");
        }

        var rows = sections.SelectMany(s => s.Rows ?? []).ToList();
        if (rows.Count is 0 or > WhatsAppLimits.MaxRows)
        {
            errors.Add($"A list needs 1 to {WhatsAppLimits.MaxRows} rows in all, not {rows.Count}");
        }

        foreach (var (section, index) in sections.Select((s, i) => (s, i + 1)))
        {
            if (sections.Count > 1)
            {
                Require(errors, section.Title, WhatsAppLimits.SectionTitle, $"Section {index} title");
            }
            else
            {
                Limit(errors, section.Title, WhatsAppLimits.SectionTitle, $"Section {index} title");
            }
        }

        foreach (var row in rows)
        {
            Require(errors, row.Id, WhatsAppLimits.RowId, "Row id");
            Require(errors, row.Title, WhatsAppLimits.RowTitle, $"Row title '{row.Title}'");
            Limit(errors, row.Description, WhatsAppLimits.RowDescription, $"Row description of '{row.Title}'");
        }

        foreach (var duplicate in rows.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Row id '{duplicate.Key}' is used more than once");
        }
    }

    private protected override JsonObject ToGraphObject()
    {
        var interactive = new JsonObject { ["type"] = "list" };
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
            ["button"] = ButtonText,
            ["sections"] = new JsonArray(Sections.Select(section =>
            {
                var node = new JsonObject();
                if (section.Title is not null)
                {
                    node["title"] = section.Title;
                }

                node["rows"] = new JsonArray(section.Rows.Select(row =>
                {
                    var r = new JsonObject { ["id"] = row.Id, ["title"] = row.Title };
                    if (row.Description is not null)
                    {
                        r["description"] = row.Description;
                    }

                    return (JsonNode)r;
                }).ToArray());
                return (JsonNode)node;
            }).ToArray()),
        };
        return interactive;
    }
}
