namespace HaloAgent.Engine.Validation;

/// <summary>One problem in a flow, located by node and input so the designer can point at it.</summary>
public sealed record ValidationError(string? NodeId, string? Field, string Message)
{
    public override string ToString() => (NodeId, Field) switch
    {
        (null, null) => Message,
        (_, null) => $"Node '{NodeId}': {Message}",
        (null, _) => $"{Field}: {Message}",
        _ => $"Node '{NodeId}', input '{Field}': {Message}",
    };
}

public sealed class FlowValidationException(IReadOnlyList<ValidationError> errors)
    : Exception("The flow is not valid: " + string.Join(" ", errors.Select(e => e.ToString())))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
