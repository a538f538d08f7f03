namespace HaloAgent.Engine.Expressions.Runtime;

/// <summary>What one evaluation reads: the root values and the clock reading used by the time functions.</summary>
internal readonly struct EvaluationContext(IReadOnlyDictionary<string, object?> scope, DateTimeOffset now)
{
    public IReadOnlyDictionary<string, object?> Scope { get; } = scope;

    public DateTimeOffset Now { get; } = now;
}
