using HaloAgent.Platform.Time;
namespace HaloAgent.Server.Dashboard;

/// <summary>Stored times are Unix milliseconds; the dashboard answers ISO 8601 and counts days in Nigeria's time.</summary>
internal static class DashboardTime
{
    public static readonly TimeSpan Lagos = WestAfricaTime.Offset;

    public static DateTimeOffset At(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    public static DateTimeOffset? At(long? unixMilliseconds) => WestAfricaTime.FromUnixMs(unixMilliseconds);
}
