using HaloAgent.Channels.Inbox;

namespace HaloAgent.Channels.Tests;

/// <summary>Processing gives way to webhook acks when acks are slow, but never stops.</summary>
public sealed class AckPriorityTests
{
    [Fact]
    public async Task While_acks_are_quick_processing_runs_at_once_even_with_acks_in_flight()
    {
        var priority = new AckPriority();
        using var busy = priority.Ack();
        var ran = false;

        var run = priority.RunAsync(() => { ran = true; return Task.CompletedTask; }, TimeSpan.FromMinutes(5), CancellationToken.None);

        run.IsCompleted.ShouldBeTrue();
        ran.ShouldBeTrue();
        await run;
    }

    [Fact]
    public async Task Under_pressure_processing_waits_for_the_acks_in_flight_to_be_answered()
    {
        var priority = new AckPriority();
        for (var i = 0; i < 200; i++)
        {
            priority.Record(100); // acks have been taking 100 ms
        }

        priority.UnderPressure.ShouldBeTrue();
        var busy = priority.Ack();
        var ran = false;

        var run = priority.RunAsync(() => { ran = true; return Task.CompletedTask; }, TimeSpan.FromMinutes(5), CancellationToken.None);
        ran.ShouldBeFalse();

        busy.Dispose();
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        ran.ShouldBeTrue();
    }

    [Fact]
    public async Task Under_pressure_a_steady_stream_of_acks_slows_processing_but_never_stops_it()
    {
        var priority = new AckPriority();
        for (var i = 0; i < 200; i++)
        {
            priority.Record(100);
        }

        using var busy = priority.Ack();
        var ran = 0;

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            priority.RunAsync(() => { Interlocked.Increment(ref ran); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(20), CancellationToken.None)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        ran.ShouldBe(3);
        priority.InFlight.ShouldBe(1); // they ran although the ack was still in flight
    }

    [Fact]
    public void Quick_acks_bring_the_pressure_down_again()
    {
        var priority = new AckPriority();
        for (var i = 0; i < 200; i++)
        {
            priority.Record(100);
        }

        priority.UnderPressure.ShouldBeTrue();
        for (var i = 0; i < 200; i++)
        {
            priority.Record(2);
        }

        priority.UnderPressure.ShouldBeFalse();
        priority.AverageAckMilliseconds.ShouldBeLessThan(AckPriority.PressureMilliseconds);
    }
}
