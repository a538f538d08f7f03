using System.Globalization;
using System.Text.RegularExpressions;

namespace HaloAgent.Server.Tests.Observability;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
public static partial class PrometheusText
{
    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/> (null when there is none).</summary>
    public static double? Sum(string text, string name, params (string Key, string Value)[] labels)
    {
        double? sum = null;
        foreach (Match match in Sample().Matches(text))
        {
            if (match.Groups["name"].Value != name)
            {
                continue;
            }

            var present = match.Groups["labels"].Value;
            if (labels.All(l => present.Contains($"{l.Key}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                sum = (sum ?? 0) + double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})?\s+(?<value>[-+0-9.eE]+|NaN|[+-]Inf)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
