using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>
/// round, floor, ceil, abs, min, max. A null argument gives null; any other non-number is an evaluation error.
/// </summary>
internal static class NumberFunctions
{
    private const int MaxDigits = 28;

    /// <summary>round(n) / round(n, digits): midpoints round away from zero (2.5 → 3, -2.5 → -3).</summary>
    public static object? Round(FunctionArguments args)
    {
        var value = args.Read(0);
        if (value is null)
        {
            return null;
        }

        if (value is not decimal number)
        {
            throw args.WrongType(0, "a number", value);
        }

        var digits = 0;
        if (args.Count > 1)
        {
            var digitsValue = args.Read(1);
            if (digitsValue is null)
            {
                return null;
            }

            if (digitsValue is not decimal d || d != decimal.Truncate(d) || d < 0m || d > MaxDigits)
            {
                throw args.Error($"the number of digits must be a whole number from 0 to {MaxDigits}, got {(digitsValue is decimal ? ValueText.ToText(digitsValue) : ValueOps.TypeName(digitsValue))}");
            }

            digits = (int)d;
        }

        return Math.Round(number, digits, MidpointRounding.AwayFromZero);
    }

    public static object? Floor(FunctionArguments args) => Unary(args, Math.Floor);

    public static object? Ceil(FunctionArguments args) => Unary(args, Math.Ceiling);

    public static object? Abs(FunctionArguments args) => Unary(args, Math.Abs);

    public static object? Min(FunctionArguments args) => Binary(args, Math.Min);

    public static object? Max(FunctionArguments args) => Binary(args, Math.Max);

    private static object? Unary(FunctionArguments args, Func<decimal, decimal> operation)
    {
        var value = args.Read(0);
        return value switch
        {
            null => null,
            decimal number => operation(number),
            _ => throw args.WrongType(0, "a number", value),
        };
    }

    private static object? Binary(FunctionArguments args, Func<decimal, decimal, decimal> operation)
    {
        var left = args.Read(0);
        var right = args.Read(1);
        if (left is null || right is null)
        {
            return null;
        }

        if (left is not decimal a)
        {
            throw args.WrongType(0, "a number", left);
        }

        if (right is not decimal b)
        {
            throw args.WrongType(1, "a number", right);
        }

        return operation(a, b);
    }
}
