using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary>Unary <c>-x</c>; the operand must be a number.</summary>
internal sealed class NegateNode(ExpressionNode operand, int position) : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context)
    {
        var value = operand.EvaluateForRead(in context);
        if (value is decimal number)
        {
            return -number;
        }

        throw new ExpressionEvaluationException(
            $"Unary '-' at {SourceColumn.Of(Position)} needs a number, got {ValueOps.TypeName(value)}.");
    }
}
