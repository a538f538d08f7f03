using System.Globalization;
using HaloAgent.Engine.Definitions;

namespace HaloAgent.Engine.Validation;

/// <summary>The flow size limits: checked before anything walks the graph, stores it or compiles its templates.</summary>
public static class FlowSize
{
    public static IReadOnlyList<ValidationError> Check(FlowDefinition definition, EngineLimits limits)
    {
        var errors = new List<ValidationError>();
        if (definition.Nodes.Count > limits.MaxNodes)
        {
            errors.Add(new ValidationError(null, "nodes",
                $"The flow has {Count(definition.Nodes.Count)} nodes; at most {Count(limits.MaxNodes)} are allowed (HaloAgent:Engine:Limits:MaxNodes)."));
        }

        if (definition.Edges.Count > limits.MaxEdges)
        {
            errors.Add(new ValidationError(null, "edges",
                $"The flow has {Count(definition.Edges.Count)} edges; at most {Count(limits.MaxEdges)} are allowed (HaloAgent:Engine:Limits:MaxEdges)."));
        }

        return errors;
    }

    /// <summary>Refuses a document longer than the limit before it is parsed (the API answers 413).</summary>
    /// <exception cref="FlowDocumentTooLargeException">The document is longer than <see cref="EngineLimits.MaxDocumentBytes"/>.</exception>
    public static void EnsureDocumentWithin(long bytes, EngineLimits limits)
    {
        if (bytes > limits.MaxDocumentBytes)
        {
            throw new FlowDocumentTooLargeException(
                $"The flow document is larger than {Count(limits.MaxDocumentBytes)} bytes (HaloAgent:Engine:Limits:MaxDocumentBytes).");
        }
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>A flow with more nodes or edges than allowed; nothing was stored or compiled.</summary>
public sealed class FlowTooLargeException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>A flow document longer than allowed, refused before it was parsed.</summary>
public sealed class FlowDocumentTooLargeException(string message) : Exception(message);
