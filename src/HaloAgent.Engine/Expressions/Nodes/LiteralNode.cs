using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary>A number, string, true, false or null written in the source (immutable, so it is shared safely).</summary>
internal sealed class LiteralNode(object? value, int position) : ExpressionNode(position)
{
    public object? Value { get; } = value;

    public override object? Evaluate(in EvaluationContext context) => Value;
}
