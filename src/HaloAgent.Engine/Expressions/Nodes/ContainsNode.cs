using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary><c>container contains item</c>, and <c>item in container</c> with the operands swapped.</summary>
internal sealed class ContainsNode(ExpressionNode container, ExpressionNode item, int position) : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context)
    {
        var haystack = container.EvaluateForRead(in context);
        var needle = item.EvaluateForRead(in context);
        return ValueOps.Bool(ValueOps.Contains(haystack, needle));
    }
}
