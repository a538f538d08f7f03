namespace HaloAgent.Engine.Expressions;

/// <summary>
/// An expression failed at run time: arithmetic on something that is not a number, division by zero,
/// numeric overflow, or a function given a value of the wrong type. The message names the 1-based column.
/// </summary>
public sealed class ExpressionEvaluationException : Exception
{
    internal ExpressionEvaluationException(string message)
        : base(message)
    {
    }

    internal ExpressionEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
