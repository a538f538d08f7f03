using HaloAgent.Commerce.Businesses;

namespace HaloAgent.Commerce.Tests;

public sealed class OpeningTimesTests
{
    private static readonly OpeningTimes Demo = OpeningTimes.Parse(new Dictionary<string, string>
    {
        ["mon"] = "08:00-21:00", ["tue"] = "08:00-21:00", ["sat"] = "09:00-22:00", ["sun"] = "closed",
    });

    /// <summary>A time in Lagos (UTC+1) on Monday 7 December 2026 plus <paramref name="days"/>.</summary>
    private static DateTimeOffset Lagos(int days, int hour, int minute = 0) =>
        new(2026, 12, 7 + days, hour, minute, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Open_between_the_hours_of_the_day_in_lagos_time()
    {
        Demo.IsOpen(Lagos(0, 8)).ShouldBeTrue();
        Demo.IsOpen(Lagos(0, 20, 59)).ShouldBeTrue();
        Demo.IsOpen(Lagos(0, 21)).ShouldBeFalse();
        Demo.IsOpen(Lagos(0, 7, 59)).ShouldBeFalse();
        // 07:30 UTC is 08:30 in Lagos.
        Demo.IsOpen(new DateTimeOffset(2026, 12, 7, 7, 30, 0, TimeSpan.Zero)).ShouldBeTrue();
        Demo.Today(Lagos(0, 12)).ShouldBe("08:00–21:00");
        Demo.Today(Lagos(6, 12)).ShouldBeNull(); // Sunday: closed
    }

    [Fact]
    public void The_next_opening_skips_closed_and_unlisted_days()
    {
        Demo.NextOpening(Lagos(0, 12)).ShouldBeNull();
        Demo.NextOpening(Lagos(0, 22)).ShouldBe(Lagos(1, 8));
        Demo.NextOpening(Lagos(0, 6)).ShouldBe(Lagos(0, 8));
        // Tuesday night: Wednesday to Friday are not listed, Saturday opens at 09:00.
        Demo.NextOpening(Lagos(1, 21, 30)).ShouldBe(Lagos(5, 9));
        // Sunday is closed: Monday.
        Demo.NextOpening(Lagos(6, 10)).ShouldBe(Lagos(7, 8));
    }

    [Fact]
    public void Hours_past_midnight_and_missing_hours()
    {
        var late = OpeningTimes.Parse(new Dictionary<string, string> { ["friday"] = "18:00-02:00" });
        late.IsOpen(Lagos(4, 23)).ShouldBeTrue();
        late.IsOpen(Lagos(5, 1, 30)).ShouldBeTrue(); // Saturday 01:30, Friday's night
        late.IsOpen(Lagos(5, 2, 30)).ShouldBeFalse();

        var none = OpeningTimes.Parse(new Dictionary<string, string> { ["mon"] = "whenever" });
        none.Known.ShouldBeFalse();
        none.IsOpen(Lagos(0, 3)).ShouldBeTrue();
        none.NextOpening(Lagos(0, 3)).ShouldBeNull();
    }
}
