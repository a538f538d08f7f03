using System.Globalization;
using HaloAgent.Commerce.Catalog;

namespace HaloAgent.Commerce.Businesses;

/// <summary>
/// A business's opening hours as times in Lagos (<see cref="BusinessDay.Offset"/>): whether it is open at a moment, today's
/// hours and the next opening. Days the owner left out or wrote unreadably count as closed; a business with no readable
/// day at all is treated as always open, so a missing setting never stops orders.
/// </summary>
public sealed class OpeningTimes
{
    /// <summary>The keys the owner's JSON uses, Sunday first as <see cref="DayOfWeek"/> counts.</summary>
    internal static readonly string[] DayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly (TimeSpan Open, TimeSpan Close)?[] _days;

    private OpeningTimes((TimeSpan Open, TimeSpan Close)?[] days) => _days = days;

    /// <summary>True when at least one day has readable hours; otherwise every question answers "open".</summary>
    public bool Known => _days.Any(d => d is not null);

    /// <param name="days">Day ("mon".."sun") to "HH:mm-HH:mm" or "closed"; a closing at or before the opening is after midnight.</param>
    public static OpeningTimes Parse(IReadOnlyDictionary<string, string> days)
    {
        var parsed = new (TimeSpan, TimeSpan)?[7];
        foreach (var (key, value) in days)
        {
            // "monday" and "Mon" read as "mon".
            var day = key.Trim().ToLowerInvariant();
            var index = Array.IndexOf(DayKeys, day.Length > 3 ? day[..3] : day);
            if (index >= 0 && TryWindow(value, out var window))
            {
                parsed[index] = window;
            }
        }

        return new OpeningTimes(parsed);
    }

    public bool IsOpen(DateTimeOffset now)
    {
        if (!Known)
        {
            return true;
        }

        var local = now.ToOffset(BusinessDay.Offset);
        var time = local.TimeOfDay;
        var today = _days[(int)local.DayOfWeek];
        if (today is { } t && time >= t.Open && (t.Close <= t.Open || time < t.Close))
        {
            return true;
        }

        // Last night's hours may run past midnight ("18:00-02:00").
        var yesterday = _days[((int)local.DayOfWeek + 6) % 7];
        return yesterday is { } y && y.Close <= y.Open && time < y.Close;
    }

    /// <summary>Today's hours in Lagos as "08:00–21:00", or null when closed all day (or the hours are unknown).</summary>
    public string? Today(DateTimeOffset now) =>
        _days[(int)now.ToOffset(BusinessDay.Offset).DayOfWeek] is { } t ? $"{Clock(t.Open)}–{Clock(t.Close)}" : null;

    /// <summary>The next moment the business opens after <paramref name="now"/> (within a week), or null when it is open now or has no hours.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return null;
        }

        var local = now.ToOffset(BusinessDay.Offset);
        for (var ahead = 0; ahead <= 7; ahead++)
        {
            var date = local.Date.AddDays(ahead);
            if (_days[(int)date.DayOfWeek] is { } day)
            {
                var opening = new DateTimeOffset(date + day.Open, BusinessDay.Offset);
                if (opening > now)
                {
                    return opening;
                }
            }
        }

        return null;
    }

    /// <summary>"08:00" for a time of day.</summary>
    public static string Clock(TimeSpan time) => time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    internal static bool TryWindow(string? value, out (TimeSpan Open, TimeSpan Close) window)
    {
        window = default;
        var parts = (value ?? "").Split('-', '–');
        if (parts.Length != 2
            || !TimeSpan.TryParseExact(parts[0].Trim(), @"h\:mm", CultureInfo.InvariantCulture, out var open)
            || !TimeSpan.TryParseExact(parts[1].Trim(), @"h\:mm", CultureInfo.InvariantCulture, out var close))
        {
            return false;
        }

        window = (open, close == TimeSpan.Zero ? TimeSpan.FromHours(24) : close);
        return open < TimeSpan.FromHours(24) && close <= TimeSpan.FromHours(24);
    }
}
