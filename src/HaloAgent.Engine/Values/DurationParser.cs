using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace HaloAgent.Engine.Values;

/// <summary>Durations as people type them in the designer: "90s", "15m", "2h", "1d", "1d 2h 30m", "PT30M" or "01:30:00".</summary>
public static partial class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('P'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(trimmed);
                return duration >= TimeSpan.Zero;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        if (trimmed.Contains(':'))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        var matches = UnitPattern().Matches(trimmed);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)).Replace(" ", "", StringComparison.Ordinal) != trimmed.Replace(" ", "", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (Match match in matches)
        {
            var amount = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            duration += match.Groups["u"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                "w" => TimeSpan.FromDays(7 * amount),
                _ => TimeSpan.Zero,
            };
        }

        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration (try 30s, 15m, 2h, 1d or PT30M).");

    [GeneratedRegex(@"\s*(?<n>\d+(\.\d+)?)\s*(?<u>ms|s|m|h|d|w)\b?", RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();
}
