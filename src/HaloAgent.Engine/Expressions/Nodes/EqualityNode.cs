using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary><c>==</c> and <c>!=</c> (see <see cref="ValueOps.AreEqual"/>).</summary>
internal sealed class EqualityNode(ExpressionNode left, ExpressionNode right, bool negate, int position) : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context)
    {
        var a = left.EvaluateForRead(in context);
        var b = right.EvaluateForRead(in context);
        return ValueOps.Bool(ValueOps.AreEqual(a, b) != negate);
    }
}
