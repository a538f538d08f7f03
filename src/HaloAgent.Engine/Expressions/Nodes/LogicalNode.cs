using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary><c>&amp;&amp;</c>/<c>and</c> and <c>||</c>/<c>or</c>: short-circuit, always a bool.</summary>
internal sealed class LogicalNode(ExpressionNode left, ExpressionNode right, bool isAnd, int position) : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context)
    {
        var first = ValueOps.IsTruthy(left.EvaluateForRead(in context));
        if (first != isAnd)
        {
            // false && … is false, true || … is true: the right side is not evaluated.
            return ValueOps.Bool(first);
        }

        return ValueOps.Bool(ValueOps.IsTruthy(right.EvaluateForRead(in context)));
    }
}
