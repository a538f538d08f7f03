using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary>
/// <c>+ - * / %</c> on decimals. <c>+</c> concatenates when either side is a string. Anything else, division
/// by zero and overflow raise <see cref="ExpressionEvaluationException"/>.
/// </summary>
internal sealed class ArithmeticNode(ExpressionNode left, ExpressionNode right, ArithmeticOperator op, int position)
    : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context)
    {
        var a = left.EvaluateForRead(in context);
        var b = right.EvaluateForRead(in context);
        if (a is decimal x && b is decimal y)
        {
            return Compute(x, y);
        }

        if (op == ArithmeticOperator.Add && (a is string || b is string))
        {
            return string.Concat(ValueText.ToText(a), ValueText.ToText(b));
        }

        var expected = op == ArithmeticOperator.Add ? "two numbers (or a string to join)" : "two numbers";
        throw new ExpressionEvaluationException(
            $"Operator '{Symbol}' at {SourceColumn.Of(Position)} needs {expected}, got {ValueOps.TypeName(a)} and {ValueOps.TypeName(b)}.");
    }

    private string Symbol => op switch
    {
        ArithmeticOperator.Add => "+",
        ArithmeticOperator.Subtract => "-",
        ArithmeticOperator.Multiply => "*",
        ArithmeticOperator.Divide => "/",
        _ => "%",
    };

    private object Compute(decimal x, decimal y)
    {
        if (y == 0m && op is ArithmeticOperator.Divide or ArithmeticOperator.Remainder)
        {
            throw new ExpressionEvaluationException($"Division by zero at {SourceColumn.Of(Position)} ('{Symbol}').");
        }

        try
        {
            return op switch
            {
                ArithmeticOperator.Add => x + y,
                ArithmeticOperator.Subtract => x - y,
                ArithmeticOperator.Multiply => x * y,
                ArithmeticOperator.Divide => x / y,
                _ => x % y,
            };
        }
        catch (OverflowException)
        {
            throw new ExpressionEvaluationException($"Numeric overflow at {SourceColumn.Of(Position)} ('{Symbol}').");
        }
    }
}
