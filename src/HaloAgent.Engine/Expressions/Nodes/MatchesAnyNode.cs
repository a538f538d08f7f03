using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Nodes;

/// <summary>
/// <c>matchesAny(text, ["a", "b"])</c> with a literal candidate list: the candidates are folded once at parse
/// time, so an evaluation only folds the text.
/// </summary>
internal sealed class MatchesAnyNode(ExpressionNode text, string[] foldedCandidates, int position) : ExpressionNode(position)
{
    public override object? Evaluate(in EvaluationContext context)
    {
        if (ValueText.ToTextOrNull(text.EvaluateForRead(in context)) is not { } value)
        {
            return ValueOps.False;
        }

        var folded = TextFold.Fold(value);
        foreach (var candidate in foldedCandidates)
        {
            if (folded.Contains(candidate, StringComparison.Ordinal))
            {
                return ValueOps.True;
            }
        }

        return ValueOps.False;
    }
}
