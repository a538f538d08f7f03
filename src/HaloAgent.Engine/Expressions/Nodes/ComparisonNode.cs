using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary><c>&lt; &lt;= &gt; &gt;=</c> on two numbers or two strings; false for any other pair (never throws).</summary>
internal sealed class ComparisonNode(ExpressionNode left, ExpressionNode right, ComparisonOperator op, int position)
    : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context)
    {
        var a = left.EvaluateForRead(in context);
        var b = right.EvaluateForRead(in context);
        if (!ValueOps.TryCompare(a, b, out var order))
        {
            return ValueOps.False;
        }

        var result = op switch
        {
            ComparisonOperator.Less => order < 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Greater => order > 0,
            _ => order >= 0,
        };
        return ValueOps.Bool(result);
    }
}
