using System.Text.Json;
using System.Text.Json.Serialization;

namespace HaloAgent.Engine.Definitions;

/// <summary>The one place that says how flow documents are (de)serialised, so API, store and files agree.</summary>
public static class FlowJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(FlowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>Parses a flow document; malformed JSON or a missing required member raises <see cref="FlowFormatException"/>.</summary>
    public static FlowDefinition Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<FlowDefinition>(json, Options)
                ?? throw new FlowFormatException("The flow document is empty (null).");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            throw new FlowFormatException($"The flow document is not valid JSON for a flow{where}: {ex.Message}", ex);
        }
    }
}

public sealed class FlowFormatException(string message, Exception? inner = null) : Exception(message, inner);
