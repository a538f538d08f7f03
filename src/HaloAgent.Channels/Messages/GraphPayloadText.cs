using System.Text;
using System.Text.Json.Nodes;

namespace HaloAgent.Channels.Messages;

/// <summary>
/// A stored Graph request read back as what a person sees: the words and the choices offered. Channels without
/// WhatsApp's interactive messages (Twilio's free-form WhatsApp, a template fallback) send this instead; the choices
/// are listed by their titles, which the agent understands when typed back.
/// </summary>
public static class GraphPayloadText
{
    /// <summary>The message's text, with the choices of buttons and lists on their own lines (unless left out).</summary>
    public static string Render(string graphRequestJson, bool withChoices = true) => Render(JsonNode.Parse(graphRequestJson), withChoices);

    public static string Render(JsonNode? request, bool withChoices = true)
    {
        var type = request?["type"]?.GetValue<string>();
        var builder = new StringBuilder();
        switch (type)
        {
            case "text":
                builder.Append(Text(request?["text"]?["body"]));
                break;
            case "image":
                builder.Append(Text(request?["image"]?["caption"]));
                break;
            case "interactive":
                var interactive = request?["interactive"];
                AppendLine(builder, Text(interactive?["header"]?["text"]));
                AppendLine(builder, Text(interactive?["body"]?["text"]));
                foreach (var choice in withChoices ? Choices(interactive) : [])
                {
                    AppendLine(builder, "• " + choice);
                }

                AppendLine(builder, Text(interactive?["footer"]?["text"]));
                break;
            case "template":
                var parameters = request?["template"]?["components"]?.AsArray()
                    .SelectMany(c => c?["parameters"]?.AsArray() ?? [])
                    .Select(p => Text(p?["text"]))
                    .Where(t => t.Length > 0) ?? [];
                builder.AppendJoin(' ', parameters);
                break;
        }

        return builder.ToString().Trim();
    }

    /// <summary>The titles of an interactive message's reply buttons or list rows, in order.</summary>
    public static IReadOnlyList<string> Choices(JsonNode? interactive) =>
        InteractiveChoices.Read(interactive).Select(c => c.Title).Where(t => t.Length > 0).ToList();

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    private static void AppendLine(StringBuilder builder, string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append('\n');
        }

        builder.Append(line);
    }
}
