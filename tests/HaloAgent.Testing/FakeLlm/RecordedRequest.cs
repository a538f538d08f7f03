using System.Text.Json;

namespace HaloAgent.Testing.FakeLlm;

/// <summary>A chat completions request the fake server received.</summary>
public sealed record RecordedRequest(string Path, string Authorization, JsonElement Body)
{
    public string Model => Body.GetProperty("model").GetString()!;

    public IReadOnlyList<(string Role, string Content)> Messages =>
        Body.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString()!, ContentOf(m)))
            .ToArray();

    public string SystemPrompt => Messages.First(m => m.Role == "system").Content;

    public IReadOnlyList<string> ToolNames =>
        Body.TryGetProperty("tools", out var tools)
            ? tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!).ToArray()
            : [];

    public JsonElement ToolParameters(string name) =>
        Body.GetProperty("tools").EnumerateArray()
            .First(t => t.GetProperty("function").GetProperty("name").GetString() == name)
            .GetProperty("function").GetProperty("parameters");

    /// <summary>Content is a string or, in newer SDKs, an array of text parts.</summary>
    private static string ContentOf(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : string.Empty));
    }
}
