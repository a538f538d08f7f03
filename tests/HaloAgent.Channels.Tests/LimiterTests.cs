using HaloAgent.Channels.Outbox;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Channels.WhatsApp;
using HaloAgent.Testing;

namespace HaloAgent.Channels.Tests;

/// <summary>The per-number token bucket and the per-customer spacing, driven by a manual clock.</summary>
public sealed class LimiterTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void The_default_80_per_second_allows_a_burst_of_80_then_one_every_12_5_ms()
    {
        var limiter = new ThroughputLimiter(_clock, new FixedOptions<WhatsAppOptions>(new WhatsAppOptions()));

        Enumerable.Range(0, 80).Count(_ => limiter.TryAcquire("P1") == TimeSpan.Zero).ShouldBe(80);
        limiter.TryAcquire("P1").TotalMilliseconds.ShouldBe(12.5, 0.001);
        limiter.TryAcquire("P2").ShouldBe(TimeSpan.Zero); // per number

        _clock.Advance(TimeSpan.FromMilliseconds(12.5));
        limiter.TryAcquire("P1").ShouldBe(TimeSpan.Zero);
        limiter.TryAcquire("P1").ShouldBeGreaterThan(TimeSpan.Zero);

        _clock.Advance(TimeSpan.FromMinutes(1)); // a quiet minute does not bank more than a second's worth
        Enumerable.Range(0, 100).Count(_ => limiter.TryAcquire("P1") == TimeSpan.Zero).ShouldBe(80);
    }

    [Fact]
    public void The_rate_is_configurable()
    {
        var limiter = new ThroughputLimiter(_clock, new FixedOptions<WhatsAppOptions>(new WhatsAppOptions { MessagesPerSecond = 1000 }));

        Enumerable.Range(0, 1200).Count(_ => limiter.TryAcquire("P") == TimeSpan.Zero).ShouldBe(1000);
    }

    [Fact]
    public void Pair_spacing_holds_back_a_second_message_to_the_same_customer_only()
    {
        var spacer = new PairSpacer(_clock, new FixedOptions<WhatsAppOptions>(new WhatsAppOptions { PairSpacing = TimeSpan.FromSeconds(6) }));

        spacer.WaitFor("P", "234A").ShouldBe(TimeSpan.Zero);
        spacer.Record("P", "234A");
        spacer.WaitFor("P", "234A").ShouldBe(TimeSpan.FromSeconds(6));
        spacer.WaitFor("P", "234B").ShouldBe(TimeSpan.Zero);
        spacer.WaitFor("Q", "234A").ShouldBe(TimeSpan.Zero);

        _clock.Advance(TimeSpan.FromSeconds(5));
        spacer.WaitFor("P", "234A").ShouldBe(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        spacer.WaitFor("P", "234A").ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Retry_backoff_doubles_up_to_the_cap()
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromMinutes(5) };

        Enumerable.Range(1, 10).Select(a => OutboxSender.Backoff(a, options).TotalSeconds).ShouldBe([2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    }
}
