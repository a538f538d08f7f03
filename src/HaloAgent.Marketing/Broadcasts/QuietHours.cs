using HaloAgent.Platform.Time;
namespace HaloAgent.Marketing.Broadcasts;

/// <summary>Quiet hours in West Africa Time (UTC+1 all year: Nigeria keeps no daylight saving).</summary>
public sealed class QuietHours(TimeSpan start, TimeSpan end)
{
    /// <summary>When sending may start again if <paramref name="now"/> is inside quiet hours; null when it is not.</summary>
    public DateTimeOffset? HeldUntil(DateTimeOffset now)
    {
        if (start == end)
        {
            return null; // no quiet hours
        }

        var local = WestAfricaTime.Local(now);
        var time = local.TimeOfDay;
        var inside = start < end ? time >= start && time < end : time >= start || time < end;
        if (!inside)
        {
            return null;
        }

        var endToday = new DateTimeOffset(local.Date + end, WestAfricaTime.Offset);
        return endToday > local ? endToday : endToday.AddDays(1);
    }
}
