using HaloAgent.Engine.Expressions.Functions;

namespace HaloAgent.Engine.Expressions;

/// <summary>
/// A built-in function as the designer shows it and checks calls to it. <see cref="MaxArguments"/> is null when it
/// takes any number from <see cref="MinArguments"/> up; <see cref="Arity"/> says the same in words.
/// </summary>
public sealed record ExpressionFunction(string Name, int MinArguments, int? MaxArguments, string Arity, string Description, string Example)
{
    /// <summary>Every function an expression can call, from the parser's own table.</summary>
    public static IReadOnlyList<ExpressionFunction> All { get; } = FunctionCatalog.All
        .Select(f => new ExpressionFunction(
            f.Name, f.MinArguments, f.MaxArguments == FunctionDefinition.Unbounded ? null : f.MaxArguments, f.DescribeArity(), f.Description, f.Example))
        .ToList();
}
