using HaloAgent.Engine.Expressions;
using static HaloAgent.Engine.Tests.Expressions.ExpressionTestKit;

namespace HaloAgent.Engine.Tests.Expressions;

public sealed class TimeFunctionTests
{
    [Fact]
    public void Now_is_the_evaluation_time_in_utc_round_trip_format()
    {
        var expression = Expression.Parse("now()");

        expression.Evaluate(DefaultScope, Now).ShouldBe("2026-11-22T09:00:00.0000000Z");
        expression.Evaluate(DefaultScope, new DateTimeOffset(2026, 1, 2, 3, 4, 5, 600, TimeSpan.FromHours(1)))
            .ShouldBe("2026-01-02T02:04:05.6000000Z");
    }

    // Now is 2026-11-22T09:00:00Z.
    [Theory]
    [InlineData("hoursSince('2026-11-22T06:30:00Z')", "2.5")]
    [InlineData("hoursSince('2026-11-22T10:00:00+01:00')", "0")]
    [InlineData("hoursSince('2026-11-22T10:00:00Z')", "-1")] // the future is negative
    [InlineData("hoursSince('2026-11-22T08:00:00')", "1")] // no offset: UTC
    [InlineData("hoursSince('2026-11-22')", "9")]
    [InlineData("hoursSince('2026-11-22T08:59:24Z')", "0.01")]
    [InlineData("hoursSince(now())", "0")]
    [InlineData("daysSince(instance.startedAt)", "2")]
    [InlineData("daysSince('2026-11-21T21:00:00Z')", "0.5")]
    [InlineData("daysSince('2026-10-23T09:00:00.000Z')", "30")]
    [InlineData("hoursSince('not a date')", "null")]
    [InlineData("daysSince('')", "null")]
    [InlineData("hoursSince(null)", "null")]
    [InlineData("hoursSince(vars.missing)", "null")]
    [InlineData("daysSince(5)", "null")]
    public void HoursSince_and_daysSince(string source, string expected) => ShouldEvaluateTo(source, expected);

    [Fact]
    public void Elapsed_time_follows_the_now_argument()
    {
        var expression = Expression.Parse("hoursSince(instance.startedAt) >= 48");

        expression.EvaluateCondition(DefaultScope, Now).ShouldBeTrue();
        expression.EvaluateCondition(DefaultScope, Now.AddHours(-1)).ShouldBeFalse();
    }
}
