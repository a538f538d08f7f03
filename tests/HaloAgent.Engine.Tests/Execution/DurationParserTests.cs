using HaloAgent.Engine.Values;

namespace HaloAgent.Engine.Tests.Execution;

public sealed class DurationParserTests
{
    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "30s", TimeSpan.FromSeconds(30) },
        { "90s", TimeSpan.FromSeconds(90) },
        { "15m", TimeSpan.FromMinutes(15) },
        { "2h", TimeSpan.FromHours(2) },
        { "1d", TimeSpan.FromDays(1) },
        { "1w", TimeSpan.FromDays(7) },
        { "250ms", TimeSpan.FromMilliseconds(250) },
        { "1.5h", TimeSpan.FromMinutes(90) },
        { "1d 2h", TimeSpan.FromHours(26) },
        { "1d2h", TimeSpan.FromHours(26) },
        { "1d 2h 30m", new TimeSpan(1, 2, 30, 0) },
        { "1m30s", TimeSpan.FromSeconds(90) },
        { "  45m  ", TimeSpan.FromMinutes(45) },
        { "0s", TimeSpan.Zero },
        { "PT30M", TimeSpan.FromMinutes(30) },
        { "P1D", TimeSpan.FromDays(1) },
        { "P1DT2H", TimeSpan.FromHours(26) },
        { "PT1.5S", TimeSpan.FromMilliseconds(1500) },
        { "01:30:00", TimeSpan.FromMinutes(90) },
        { "00:00:05", TimeSpan.FromSeconds(5) },
        { "1.02:00:00", TimeSpan.FromHours(26) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_the_forms_people_type(string text, TimeSpan expected)
    {
        DurationParser.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(expected);
        DurationParser.Parse(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("5x")]
    [InlineData("5 minutes")]
    [InlineData("2 hours")]
    [InlineData("-5m")]
    [InlineData("1h30")]
    [InlineData("1mo")]
    [InlineData("5M")]
    [InlineData("PT")]
    [InlineData("P1X")]
    [InlineData("-01:00:00")]
    [InlineData("1h, 2m")]
    public void Rejects_what_is_not_a_duration(string? text)
    {
        DurationParser.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => DurationParser.Parse(text!));
    }

    [Theory]
    [InlineData("25:00:00", 25)]
    [InlineData("48:00:00", 48)]
    public void Clock_form_with_more_than_23_hours_is_not_read_as_days(string text, int hours)
    {
        // Regression: TimeSpan.TryParse reads "48:00:00" as 48 days (d:hh:mm). Someone typing a 48-hour wait must not
        // get 48 days: either it is 48 hours or it is rejected.
        var ok = DurationParser.TryParse(text, out var duration);

        (!ok || duration == TimeSpan.FromHours(hours)).ShouldBeTrue($"'{text}' was read as {duration}");
    }

    [Fact]
    public void Parse_throws_FormatException_with_a_hint()
    {
        var ex = Should.Throw<FormatException>(() => DurationParser.Parse("soon"));

        ex.Message.ShouldContain("'soon' is not a duration");
        ex.Message.ShouldContain("30s, 15m, 2h, 1d or PT30M");
    }

    [Theory]
    [InlineData("99999999999d")]
    [InlineData("99999999999999999999w")]
    [InlineData("10675199d 10675199d")]
    public void TryParse_returns_false_for_a_duration_too_large_for_a_TimeSpan_instead_of_throwing(string text)
    {
        // Regression: TryParse added TimeSpan.FromDays(amount) etc. without catching OverflowException.
        DurationParser.TryParse(text, out _).ShouldBeFalse();
    }
}
