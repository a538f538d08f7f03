namespace HaloAgent.Engine.Expressions;

/// <summary>Hard limits checked at parse time, so that no expression can exhaust the stack or the CPU.</summary>
internal static class ExpressionLimits
{
    /// <summary>Longest accepted source, in UTF-16 characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>Deepest accepted nesting of parentheses, brackets, calls and prefix operators together.</summary>
    public const int MaxDepth = 64;
}
