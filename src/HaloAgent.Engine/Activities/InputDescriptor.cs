using System.Text.Json.Nodes;

namespace HaloAgent.Engine.Activities;

public sealed record InputDescriptor(string Name, InputKind Kind)
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public bool Required { get; init; }

    public JsonNode? Default { get; init; }

    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Free-form hint for the designer's editor (e.g. <c>multiline</c>, <c>template</c>).</summary>
    public string? UiHint { get; init; }
}

public sealed record OutputDescriptor(string Name, string Type, string? Description = null);
