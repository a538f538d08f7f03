namespace HaloAgent.Engine.Expressions.Runtime;

/// <summary>Safe navigation: member and index access never throw; anything missing or of the wrong kind is null.</summary>
internal static class ValueAccess
{
    public static object? Root(in EvaluationContext context, string name) =>
        context.Scope.TryGetValue(name, out var value) ? ValueOps.Normalize(value) : null;

    /// <summary><c>target.name</c>: the object's entry, or null.</summary>
    public static object? Member(object? target, string name)
    {
        if (target is Dictionary<string, object?> dict)
        {
            return dict.TryGetValue(name, out var value) ? ValueOps.Normalize(value) : null;
        }

        if (target is IReadOnlyDictionary<string, object?> readOnly)
        {
            return readOnly.TryGetValue(name, out var value) ? ValueOps.Normalize(value) : null;
        }

        return null;
    }

    /// <summary><c>target[index]</c>: a list element by whole, in-range number, an object entry by string key, or null.</summary>
    public static object? Index(object? target, object? index)
    {
        switch (target)
        {
            case IReadOnlyList<object?> list:
                if (ValueOps.Normalize(index) is decimal position
                    && position >= 0m
                    && position < list.Count
                    && position == decimal.Truncate(position))
                {
                    return ValueOps.Normalize(list[(int)position]);
                }

                return null;
            case IReadOnlyDictionary<string, object?>:
                return index is string key ? Member(target, key) : null;
            default:
                return null;
        }
    }
}
