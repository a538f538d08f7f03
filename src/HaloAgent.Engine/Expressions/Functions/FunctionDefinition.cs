namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>
/// A built-in function: its name, how many arguments it takes (checked at parse time), its body, and what the designer
/// shows of it (<c>GET /api/flows/functions</c>).
/// </summary>
internal sealed class FunctionDefinition(string name, int minArguments, int maxArguments, FunctionBody body, string description, string example)
{
    /// <summary>Marks a function that takes any number of arguments from <see cref="MinArguments"/> up.</summary>
    public const int Unbounded = int.MaxValue;

    public string Name { get; } = name;

    public int MinArguments { get; } = minArguments;

    public int MaxArguments { get; } = maxArguments;

    public FunctionBody Body { get; } = body;

    public string Description { get; } = description;

    public string Example { get; } = example;

    public bool Accepts(int count) => count >= MinArguments && count <= MaxArguments;

    /// <summary>"no arguments", "1 argument", "1 or 2 arguments", "at least 1 argument".</summary>
    public string DescribeArity()
    {
        if (MaxArguments == Unbounded)
        {
            return $"at least {Plural(MinArguments)}";
        }

        if (MinArguments == MaxArguments)
        {
            return MinArguments == 0 ? "no arguments" : Plural(MinArguments);
        }

        return MaxArguments == MinArguments + 1
            ? $"{MinArguments} or {Plural(MaxArguments)}"
            : $"{MinArguments} to {Plural(MaxArguments)}";
    }

    private static string Plural(int count) => count == 1 ? "1 argument" : $"{count} arguments";
}
