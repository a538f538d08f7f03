using System.Diagnostics.CodeAnalysis;
using HaloAgent.Engine.Expressions.Nodes;
using HaloAgent.Engine.Expressions.Parsing;
using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions;

/// <summary>
/// A parsed condition/value expression (see <c>docs/expressions.md</c>). Parse once when a flow is published,
/// then evaluate as often as needed: the compiled tree is immutable, so one instance may be evaluated
/// concurrently from many threads with different scopes.
/// </summary>
public sealed class Expression
{
    private readonly ExpressionNode _root;

    private Expression(string source, ExpressionNode root, IReadOnlySet<string> roots)
    {
        Source = source;
        _root = root;
        Roots = roots;
    }

    /// <summary>The text the expression was parsed from.</summary>
    public string Source { get; }

    /// <summary>Top-level names the expression reads (e.g. <c>vars</c>, <c>event</c>); function names are not included.</summary>
    public IReadOnlySet<string> Roots { get; }

    /// <summary>Parses and validates <paramref name="source"/>.</summary>
    /// <exception cref="ExpressionSyntaxException">The source is empty, too long, too deeply nested or not valid.</exception>
    public static Expression Parse(string source)
    {
        var (root, roots) = Parser.Parse(source);
        return new Expression(source, root, roots);
    }

    /// <summary>Like <see cref="Parse"/>, but reports a syntax error through <paramref name="error"/> instead of throwing.</summary>
    public static bool TryParse(
        string source,
        [NotNullWhen(true)] out Expression? expression,
        [NotNullWhen(false)] out ExpressionSyntaxException? error)
    {
        try
        {
            expression = Parse(source);
            error = null;
            return true;
        }
        catch (ExpressionSyntaxException ex)
        {
            expression = null;
            error = ex;
            return false;
        }
    }

    /// <summary>
    /// Evaluates the expression against <paramref name="scope"/> (root name → plain value).
    /// <paramref name="now"/> is what <c>now()</c>, <c>hoursSince()</c> and <c>daysSince()</c> measure against.
    /// </summary>
    /// <exception cref="ExpressionEvaluationException">A run-time type error, division by zero or overflow.</exception>
    public object? Evaluate(IReadOnlyDictionary<string, object?> scope, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var context = new EvaluationContext(scope, now);
        try
        {
            return _root.Evaluate(in context);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new ExpressionEvaluationException("A value is nested too deeply to evaluate.", ex);
        }
    }

    /// <summary>Evaluates the expression and returns its truthiness (null, false, 0, "", [] and {} are false).</summary>
    /// <exception cref="ExpressionEvaluationException">A run-time type error, division by zero or overflow.</exception>
    public bool EvaluateCondition(IReadOnlyDictionary<string, object?> scope, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var context = new EvaluationContext(scope, now);
        try
        {
            return ValueOps.IsTruthy(_root.EvaluateForRead(in context));
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new ExpressionEvaluationException("A value is nested too deeply to evaluate.", ex);
        }
    }

    public override string ToString() => Source;
}
