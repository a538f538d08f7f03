using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary><c>target.name</c> with safe navigation.</summary>
internal sealed class MemberNode(ExpressionNode target, string name, int position) : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context) =>
        ValueAccess.Member(target.EvaluateForRead(in context), name);
}
