using HaloAgent.Engine.Expressions.Runtime;

namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>len, isEmpty, contains, coalesce.</summary>
internal static class CollectionFunctions
{
    public static object? Len(FunctionArguments args)
    {
        var value = args.Read(0);
        return value switch
        {
            null => 0m,
            string s => (decimal)s.Length,
            IReadOnlyList<object?> list => (decimal)list.Count,
            IReadOnlyDictionary<string, object?> dict => (decimal)dict.Count,
            _ => throw args.WrongType(0, "a string, list or object", value),
        };
    }

    public static object? IsEmpty(FunctionArguments args) => ValueOps.Bool(ValueOps.IsEmpty(args.Read(0)));

    public static object? Contains(FunctionArguments args)
    {
        var container = args.Read(0);
        var item = args.Read(1);
        return ValueOps.Bool(ValueOps.Contains(container, item));
    }

    /// <summary>The first argument that is not null; later arguments are not evaluated.</summary>
    public static object? Coalesce(FunctionArguments args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args.Value(i) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
