using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary><c>!x</c> / <c>not x</c>: the negated truthiness of the operand.</summary>
internal sealed class NotNode(ExpressionNode operand, int position) : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context) =>
        ValueOps.Bool(!ValueOps.IsTruthy(operand.EvaluateForRead(in context)));
}
