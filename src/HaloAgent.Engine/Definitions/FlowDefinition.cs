using System.Text.Json.Serialization;

namespace HaloAgent.Engine.Definitions;

/// <summary>
/// A flow as authored in the Studio and stored in <c>workflows/*.json</c>: a graph of activity nodes
/// joined by edges from a node's named outcome. Entry points are the <c>Start</c> nodes, which carry the triggers.
/// </summary>
public sealed record FlowDefinition
{
    /// <summary>Stable key of the flow (e.g. <c>ordering</c>); versions share it.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Informational in exports; the store owns version numbers.</summary>
    public int? Version { get; init; }

    public FlowOptions Options { get; init; } = new();

    public IReadOnlyList<FlowVariable> Variables { get; init; } = [];

    public IReadOnlyList<FlowNode> Nodes { get; init; } = [];

    public IReadOnlyList<FlowEdge> Edges { get; init; } = [];
}

public sealed record FlowOptions
{
    /// <summary>When true, at most one unfinished instance of this flow exists per correlation key (e.g. per contact).</summary>
    public bool Singleton { get; init; }
}

public sealed record FlowVariable
{
    public required string Name { get; init; }

    /// <summary>Designer hint: string, number, boolean, object, array.</summary>
    public string Type { get; init; } = "string";

    public System.Text.Json.Nodes.JsonNode? Default { get; init; }
}

public sealed record FlowNode
{
    public required string Id { get; init; }

    /// <summary>Activity type name as registered in the catalogue (e.g. <c>Decision</c>).</summary>
    public required string Type { get; init; }

    public string? Label { get; init; }

    /// <summary>Raw input values: literals, Handlebars templates for text inputs, expressions for condition inputs.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Inputs { get; init; } =
        new Dictionary<string, System.Text.Json.Nodes.JsonNode?>();

    public NodePosition? Position { get; init; }

    /// <summary>Overrides the activity's default retry policy.</summary>
    public RetryPolicy? Retry { get; init; }
}

public sealed record NodePosition(double X, double Y);

public sealed record FlowEdge
{
    public required string From { get; init; }

    /// <summary>Outcome of the source node this edge follows; defaults to <c>Done</c>.</summary>
    public string Outcome { get; init; } = Outcomes.Done;

    public required string To { get; init; }
}

public sealed record RetryPolicy
{
    /// <summary>Attempts after the first one.</summary>
    public int MaxRetries { get; init; }

    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    public bool Exponential { get; init; } = true;

    [JsonIgnore]
    public static RetryPolicy None { get; } = new() { MaxRetries = 0 };
}

public static class Outcomes
{
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
    public const string Received = "Received";
    public const string TimedOut = "TimedOut";
}
