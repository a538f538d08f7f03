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
        FlowDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<FlowDefinition>(json, Options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            throw new FlowFormatException($"The flow document is not valid JSON for a flow{where}: {ex.Message}", ex);
        }

        return Normalize(definition ?? throw new FlowFormatException("The flow document is empty (null)."));
    }

    /// <summary>A member left out takes its default; an explicit null (list, item, required member) is a format error, never a crash later.</summary>
    private static FlowDefinition Normalize(FlowDefinition definition)
    {
        Require(definition.Id, "id");
        Require(definition.Name, "name");
        RequireList(definition.Nodes, "nodes");
        RequireList(definition.Edges, "edges");
        RequireList(definition.Variables, "variables");
        if (definition.Options is null) throw new FlowFormatException("'options' must be an object, not null.");
        var nodes = definition.Nodes.Select((node, i) =>
        {
            if (node is null) throw new FlowFormatException($"nodes[{i}] is null; a node is an object with an id and a type.");
            Require(node.Id, $"nodes[{i}].id");
            Require(node.Type, $"nodes[{i}].type");
            if (node.Inputs is null) throw new FlowFormatException($"nodes[{i}].inputs must be an object, not null.");
            return node;
        }).ToList();
        var edges = definition.Edges.Select((edge, i) =>
        {
            if (edge is null) throw new FlowFormatException($"edges[{i}] is null; an edge is an object with from, outcome and to.");
            Require(edge.From, $"edges[{i}].from");
            Require(edge.To, $"edges[{i}].to");
            return edge.Outcome is null ? edge with { Outcome = Outcomes.Done } : edge;
        }).ToList();
        var variables = definition.Variables.Select((variable, i) =>
        {
            if (variable is null) throw new FlowFormatException($"variables[{i}] is null; a variable is an object with a name.");
            Require(variable.Name, $"variables[{i}].name");
            return variable;
        }).ToList();
        return definition with { Nodes = nodes, Edges = edges, Variables = variables };
    }

    private static void RequireList<T>(IReadOnlyList<T>? list, string member)
    {
        if (list is null)
        {
            throw new FlowFormatException($"'{member}' must be a list, not null.");
        }
    }

    private static void Require(string? value, string member)
    {
        if (value is null)
        {
            throw new FlowFormatException($"'{member}' is required and must not be null.");
        }
    }
}

public sealed class FlowFormatException(string message, Exception? inner = null) : Exception(message, inner);
