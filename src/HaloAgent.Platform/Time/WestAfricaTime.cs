namespace HaloAgent.Platform.Time;

/// <summary>
/// Nigeria's time. West Africa Time is UTC+1 all year (no daylight saving), so a fixed offset is exact: business days,
/// opening hours, quiet hours and the times owners and marketers read are all counted in it.
/// </summary>
public static class WestAfricaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(1);

    /// <summary>The same moment as the clock on a wall in Lagos shows it.</summary>
    public static DateTimeOffset Local(DateTimeOffset moment) => moment.ToOffset(Offset);

    /// <summary>A stored Unix-millisecond time as a moment (null stays null).</summary>
    public static DateTimeOffset? FromUnixMs(long? unixMilliseconds) =>
        unixMilliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
