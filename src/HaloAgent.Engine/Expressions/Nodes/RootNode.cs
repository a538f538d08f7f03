using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary>A top-level name such as <c>vars</c>; null when the scope has no such root.</summary>
internal sealed class RootNode(string name, int position) : ExpressionNode(position)
{
    public string Name { get; } = name;

    public override object? Evaluate(in EvaluationContext context) => ValueAccess.Root(in context, Name);
}
