using HaloAgent.Platform.Time;
namespace HaloAgent.Commerce.Catalog;

/// <summary>
/// Where a business day ends. Businesses are in Nigeria: West Africa Time is UTC+1 all year (no daylight saving), so a
/// fixed offset is exact. A day ends at local midnight: a kitchen that ran out of jollof tonight sells it again tomorrow.
/// </summary>
public static class BusinessDay
{
    public static readonly TimeSpan Offset = WestAfricaTime.Offset;

    /// <summary>The start of the next local day after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextStart(DateTimeOffset now)
    {
        var local = now.ToOffset(Offset);
        return new DateTimeOffset(local.Date.AddDays(1), Offset);
    }
}
