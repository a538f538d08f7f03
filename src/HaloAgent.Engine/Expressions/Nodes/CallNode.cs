using HaloAgent.Engine.Expressions.Functions;
using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary>A call of a built-in function (resolved and arity-checked at parse time).</summary>
internal sealed class CallNode(FunctionDefinition function, ExpressionNode[] arguments, int position) : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context) =>
        function.Body(new FunctionArguments(function.Name, arguments, in context, Position));
}
