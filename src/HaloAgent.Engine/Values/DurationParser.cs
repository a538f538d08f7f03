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

        try
        {
            return trimmed.Contains(':') ? TryParseClock(trimmed, out duration) : TryParseUnits(trimmed, out duration);
        }
        catch (OverflowException)
        {
            duration = default;
            return false;
        }
    }

    /// <summary>"hh:mm[:ss]" with any number of hours ("48:00:00" is two days, not 48 as TimeSpan reads it), or "d.hh:mm:ss".</summary>
    private static bool TryParseClock(string text, out TimeSpan duration)
    {
        duration = default;
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Contains('.'))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 59)
        {
            return false;
        }

        var seconds = 0d;
        if (parts.Length == 3 && (!double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds) || seconds >= 60))
        {
            return false;
        }

        duration = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static bool TryParseUnits(string trimmed, out TimeSpan duration)
    {
        duration = default;
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
