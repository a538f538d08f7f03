using System.Runtime.CompilerServices;

namespace HaloAgent.Engine.Expressions.Runtime;

/// <summary>
/// The language's value semantics: normalisation of CLR numbers to decimal, truthiness, equality,
/// ordering and membership. Lists are read as <see cref="IReadOnlyList{T}"/> of object and objects as
/// <see cref="IReadOnlyDictionary{TKey,TValue}"/> of string to object (what <c>PlainValue</c> produces).
/// </summary>
internal static class ValueOps
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool value) => value ? True : False;

    /// <summary>Numbers become decimal (the only number type of the language); dates become ISO 8601 strings.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or string or decimal or bool => value,
        int i => (decimal)i,
        long l => (decimal)l,
        double d => FromDouble(d),
        float f => FromDouble(f),
        short s => (decimal)s,
        byte b => (decimal)b,
        sbyte sb => (decimal)sb,
        ushort us => (decimal)us,
        uint ui => (decimal)ui,
        ulong ul => (decimal)ul,
        DateTimeOffset t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    public static ValueKind KindOf(object? value) => value switch
    {
        null => ValueKind.Null,
        bool => ValueKind.Bool,
        decimal => ValueKind.Number,
        string => ValueKind.String,
        IReadOnlyList<object?> => ValueKind.List,
        IReadOnlyDictionary<string, object?> => ValueKind.Object,
        _ => ValueKind.Other,
    };

    /// <summary>Name of a value's kind as shown in error messages.</summary>
    public static string TypeName(object? value) => KindOf(value) switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => "bool",
        ValueKind.Number => "number",
        ValueKind.String => "string",
        ValueKind.List => "list",
        ValueKind.Object => "object",
        _ => "unsupported value",
    };

    /// <summary>null, false, 0, "", empty list and empty object are falsy; everything else is truthy.</summary>
    public static bool IsTruthy(object? value) => Normalize(value) switch
    {
        null => false,
        bool b => b,
        decimal d => d != 0m,
        string s => s.Length > 0,
        IReadOnlyList<object?> list => list.Count > 0,
        IReadOnlyDictionary<string, object?> dict => dict.Count > 0,
        _ => true,
    };

    /// <summary>True for null, "", an empty list or an empty object.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IReadOnlyList<object?> list => list.Count == 0,
        IReadOnlyDictionary<string, object?> dict => dict.Count == 0,
        _ => false,
    };

    /// <summary>
    /// <c>==</c>: numbers numerically, strings ordinally, bools, null; lists and objects deeply.
    /// Values of different kinds are never equal.
    /// </summary>
    public static bool AreEqual(object? left, object? right)
    {
        left = Normalize(left);
        right = Normalize(right);
        return left switch
        {
            null => right is null,
            decimal a => right is decimal b && a == b,
            string a => right is string b && string.Equals(a, b, StringComparison.Ordinal),
            bool a => right is bool b && a == b,
            IReadOnlyList<object?> a => right is IReadOnlyList<object?> b && ListsEqual(a, b),
            IReadOnlyDictionary<string, object?> a => right is IReadOnlyDictionary<string, object?> b && ObjectsEqual(a, b),
            _ => ReferenceEquals(left, right),
        };
    }

    /// <summary>
    /// Orders two numbers or two strings (ordinal). Returns false for any other pair, which makes every
    /// ordering operator false for it.
    /// </summary>
    public static bool TryCompare(object? left, object? right, out int order)
    {
        left = Normalize(left);
        right = Normalize(right);
        switch (left)
        {
            case decimal a when right is decimal b:
                order = decimal.Compare(a, b);
                return true;
            case string a when right is string b:
                order = string.CompareOrdinal(a, b);
                return true;
            default:
                order = 0;
                return false;
        }
    }

    /// <summary>
    /// <c>container contains item</c>: substring for two strings (ordinal), element equality for a list,
    /// key presence for an object; false for everything else.
    /// </summary>
    public static bool Contains(object? container, object? item)
    {
        switch (container)
        {
            case string text:
                return item is string part && text.Contains(part, StringComparison.Ordinal);
            case IReadOnlyList<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (AreEqual(list[i], item))
                    {
                        return true;
                    }
                }

                return false;
            case IReadOnlyDictionary<string, object?> dict:
                return item is string key && dict.ContainsKey(key);
            default:
                return false;
        }
    }

    private static object? FromDouble(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e28 ? (decimal)value : null;

    private static bool ListsEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ObjectsEqual(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !AreEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }
}
