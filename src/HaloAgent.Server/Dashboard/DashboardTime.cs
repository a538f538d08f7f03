namespace HaloAgent.Server.Dashboard;

/// <summary>Stored times are Unix milliseconds; the dashboard answers ISO 8601 and counts days in Nigeria's time.</summary>
internal static class DashboardTime
{
    /// <summary>West Africa Time, UTC+1 all year (Nigeria has no daylight saving), so a fixed offset is exact.</summary>
    public static readonly TimeSpan Lagos = TimeSpan.FromHours(1);

    public static DateTimeOffset At(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    public static DateTimeOffset? At(long? unixMilliseconds) => unixMilliseconds is { } ms ? At(ms) : null;
}
