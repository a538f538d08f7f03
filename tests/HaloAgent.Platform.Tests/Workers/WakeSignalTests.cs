using HaloAgent.Platform.Workers;

namespace HaloAgent.Platform.Tests.Workers;

public sealed class WakeSignalTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_notify_while_nobody_waits_is_not_lost()
    {
        var signal = new WakeSignal();
        signal.Notify();

        var wait = signal.WaitAsync(Long, CancellationToken.None);

        wait.IsCompletedSuccessfully.ShouldBeTrue("the wake-up was remembered, so the wait ends at once");
        (await wait).ShouldBeTrue();
    }

    [Fact]
    public async Task Several_notifies_while_nobody_waits_are_one_wake_up()
    {
        var signal = new WakeSignal();
        signal.Notify();
        signal.Notify();
        signal.Notify();

        signal.WaitAsync(Long, CancellationToken.None).IsCompletedSuccessfully.ShouldBeTrue();
        var second = signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
        second.IsCompletedSuccessfully.ShouldBeTrue();
        (await second).ShouldBeFalse("one pending wake-up is enough; the rest were not counted");
    }

    [Fact]
    public async Task One_notify_wakes_one_waiter()
    {
        var signal = new WakeSignal();
        var first = signal.WaitAsync(Long, CancellationToken.None);
        var second = signal.WaitAsync(Long, CancellationToken.None);
        first.IsCompleted.ShouldBeFalse();
        second.IsCompleted.ShouldBeFalse();

        signal.Notify();
        var woken = await Task.WhenAny(first, second).WaitAsync(TimeSpan.FromSeconds(30));
        (await woken).ShouldBeTrue();
        var other = woken == first ? second : first;
        other.IsCompleted.ShouldBeFalse("one loop per notification");

        signal.Notify();
        (await other.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue();
    }

    [Fact]
    public async Task Without_a_notify_the_wait_ends_at_the_poll_interval()
    {
        var signal = new WakeSignal();

        (await signal.WaitAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task Stopping_ends_the_wait()
    {
        var signal = new WakeSignal();
        using var stopping = new CancellationTokenSource();
        var wait = signal.WaitAsync(Long, stopping.Token);

        await stopping.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task Instances_are_independent()
    {
        var inbox = new WakeSignal();
        var outbox = new WakeSignal();

        inbox.Notify();

        (await outbox.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeFalse();
        (await inbox.WaitAsync(TimeSpan.Zero, CancellationToken.None)).ShouldBeTrue();
    }
}
