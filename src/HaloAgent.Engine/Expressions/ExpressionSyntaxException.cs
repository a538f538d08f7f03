namespace HaloAgent.Engine.Expressions;

/// <summary>
/// An expression could not be parsed or validated (bad token, unknown function, wrong argument count, limits).
/// The message is meant for flow authors and names the 1-based column; <see cref="Position"/> is the 0-based index.
/// </summary>
public sealed class ExpressionSyntaxException : Exception
{
    internal ExpressionSyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>0-based character index in the source where the problem was found (the source length for "ended too early").</summary>
    public int Position { get; }
}
