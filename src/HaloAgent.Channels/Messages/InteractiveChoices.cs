using System.Text.Json.Nodes;

namespace HaloAgent.Channels.Messages;

/// <summary>The reply buttons or list rows of an interactive Graph message: (id, title, description), in order.</summary>
public static class InteractiveChoices
{
    public static IReadOnlyList<(string Id, string Title, string? Description)> Read(JsonNode? interactive)
    {
        var action = interactive?["action"];
        var buttons = action?["buttons"]?.AsArray()
            .Select(b => (Text(b?["reply"]?["id"]), Text(b?["reply"]?["title"]), (string?)null));
        var rows = action?["sections"]?.AsArray()
            .SelectMany(s => s?["rows"]?.AsArray() ?? [])
            .Select(r => (Text(r?["id"]), Text(r?["title"]), r?["description"]?.GetValue<string>()));
        return (buttons ?? rows ?? []).ToList();
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
