using System.Globalization;

namespace HaloAgent.Engine.Expressions.Functions;

/// <summary>now, hoursSince, daysSince; all measure against the <c>now</c> passed to Evaluate.</summary>
internal static class TimeFunctions
{
    private const DateTimeStyles ParseStyles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;

    /// <summary>ISO 8601 round-trip text of now in UTC, e.g. 2026-11-22T09:00:00.0000000Z.</summary>
    public static object? Now(FunctionArguments args) => args.Now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static object? HoursSince(FunctionArguments args) => Since(args, TimeSpan.TicksPerHour);

    public static object? DaysSince(FunctionArguments args) => Since(args, TimeSpan.TicksPerDay);

    /// <summary>Elapsed time from the argument to now in the given unit (negative for the future); null if not a date.</summary>
    private static object? Since(FunctionArguments args, long ticksPerUnit)
    {
        if (args.Read(0) is not string text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, ParseStyles, out var then))
        {
            return null;
        }

        return (decimal)(args.Now - then).Ticks / ticksPerUnit;
    }
}
