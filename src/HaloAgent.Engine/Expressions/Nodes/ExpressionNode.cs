using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary>A node of the compiled, immutable expression tree.</summary>
internal abstract class ExpressionNode(int position)
{
    /// <summary>0-based index of the node's first (or operator) character, for run-time error messages.</summary>
    public int Position { get; } = position;

    /// <summary>Evaluates the node; the result may be handed to the caller, so it must not be shared state of the tree.</summary>
    public abstract object? Evaluate(in EvaluationContext context);

    /// <summary>
    /// Evaluates the node for a consumer that only reads the result and never returns it (operators, tests,
    /// len, ...). Constant list literals answer with one cached list instead of allocating a new one.
    /// </summary>
    public virtual object? EvaluateForRead(in EvaluationContext context) => Evaluate(in context);
}
