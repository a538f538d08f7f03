namespace HaloAgent.AI.Rules;

/// <summary>Edit distance with adjacent transpositions (optimal string alignment): "jolof" → "jollof" is 1, "sutaj" → "sutja" is 1.</summary>
internal static class DamerauLevenshtein
{
    /// <summary>The distance, or <paramref name="limit"/> + 1 as soon as it is known to exceed the limit (keeps long messages cheap).</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        var previousPrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previousPrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previousPrevious, previous, current) = (previous, current, previousPrevious);
        }

        return previous[b.Length];
    }

    /// <summary>1 for equal strings, falling towards 0 as edits grow relative to the longer one.</summary>
    public static double Similarity(string a, string b, int limit)
    {
        var longest = Math.Max(a.Length, b.Length);
        if (longest == 0)
        {
            return 1;
        }

        var distance = Distance(a, b, limit);
        return distance > limit ? 0 : 1 - (double)distance / longest;
    }
}
