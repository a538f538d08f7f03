using HaloAgent.Engine.Expressions.Nodes;
using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>
/// The arguments of one call, evaluated lazily (so <c>coalesce</c> stops at the first non-null value and no
/// argument array is allocated). Each body reads each argument once.
/// </summary>
internal readonly ref struct FunctionArguments
{
    private readonly string _function;
    private readonly ExpressionNode[] _nodes;
    private readonly EvaluationContext _context;
    private readonly int _position;

    public FunctionArguments(string function, ExpressionNode[] nodes, in EvaluationContext context, int position)
    {
        _function = function;
        _nodes = nodes;
        _context = context;
        _position = position;
    }

    public int Count => _nodes.Length;

    public DateTimeOffset Now => _context.Now;

    /// <summary>Evaluates an argument whose value the function may return.</summary>
    public object? Value(int index) => _nodes[index].Evaluate(in _context);

    /// <summary>Evaluates an argument the function only inspects (never returns).</summary>
    public object? Read(int index) => _nodes[index].EvaluateForRead(in _context);

    public ExpressionEvaluationException WrongType(int index, string expected, object? actual) =>
        new($"Function '{_function}' at {SourceColumn.Of(_position)} expects {expected} as argument {index + 1}, got {ValueOps.TypeName(actual)}.");

    public ExpressionEvaluationException Error(string problem) =>
        new($"Function '{_function}' at {SourceColumn.Of(_position)}: {problem}.");
}
