using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary><c>target[index]</c> with safe navigation.</summary>
internal sealed class IndexNode(ExpressionNode target, ExpressionNode index, int position) : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context)
    {
        var container = target.EvaluateForRead(in context);
        return ValueAccess.Index(container, index.EvaluateForRead(in context));
    }
}
