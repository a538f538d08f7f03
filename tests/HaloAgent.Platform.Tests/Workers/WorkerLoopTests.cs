using System.Collections.Concurrent;
using HaloAgent.Platform.Workers;

namespace HaloAgent.Platform.Tests.Workers;

public sealed class WorkerLoopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _log = new();
    private readonly CancellationTokenSource _stopping = new();

    [Fact]
    public async Task A_pass_that_may_have_left_work_runs_again_at_once()
    {
        var results = new Queue<bool>([true, true, false]);
        var loop = WorkerLoop.RunAsync(
            _ =>
            {
                _log.Enqueue("pass");
                return Task.FromResult(results.Dequeue());
            },
            async _ =>
            {
                _log.Enqueue("wait");
                await _stopping.CancelAsync();
            },
            ex => _log.Enqueue("failed"),
            _stopping.Token);

        await loop.WaitAsync(Patience);

        _log.ShouldBe(["pass", "pass", "pass", "wait"]);
    }

    [Fact]
    public async Task A_failing_pass_is_reported_and_the_loop_goes_on_after_the_wait()
    {
        var passes = 0;
        Exception? reported = null;
        var loop = WorkerLoop.RunAsync(
            async _ =>
            {
                _log.Enqueue("pass");
                if (++passes == 1)
                {
                    throw new InvalidOperationException("database down");
                }

                await _stopping.CancelAsync();
                return true;
            },
            _ =>
            {
                _log.Enqueue("wait");
                return Task.CompletedTask;
            },
            ex =>
            {
                reported = ex;
                _log.Enqueue("failed");
            },
            _stopping.Token);

        await loop.WaitAsync(Patience);

        _log.ShouldBe(["pass", "failed", "wait", "pass"]);
        reported.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("database down");
    }

    [Fact]
    public async Task Stopping_during_a_pass_ends_the_loop_without_a_failure()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = WorkerLoop.RunAsync(
            async token =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, token);
                return true;
            },
            _ => Task.CompletedTask,
            ex => _log.Enqueue("failed"),
            _stopping.Token);

        await started.Task.WaitAsync(Patience);
        await _stopping.CancelAsync();

        await loop.WaitAsync(Patience); // ends, and does not throw
        _log.ShouldBeEmpty();
    }

    [Fact]
    public async Task Stopping_during_the_wait_ends_the_loop()
    {
        var signal = new WakeSignal();
        var passes = 0;
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = WorkerLoop.RunAsync(
            _ =>
            {
                passes++;
                waiting.TrySetResult();
                return Task.FromResult(false);
            },
            signal,
            () => TimeSpan.FromHours(1),
            ex => _log.Enqueue("failed"),
            _stopping.Token);

        await waiting.Task.WaitAsync(Patience);
        await _stopping.CancelAsync();

        await loop.WaitAsync(Patience);
        passes.ShouldBe(1);
        _log.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_idle_loop_wakes_on_its_signal_before_the_poll_interval()
    {
        var signal = new WakeSignal();
        var passes = 0;
        var firstDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = WorkerLoop.RunAsync(
            _ =>
            {
                (++passes == 1 ? firstDone : secondDone).TrySetResult();
                return Task.FromResult(false);
            },
            signal,
            () => TimeSpan.FromHours(1),
            ex => _log.Enqueue("failed"),
            _stopping.Token);

        await firstDone.Task.WaitAsync(Patience);
        signal.Notify(); // whether the loop is already waiting or not, the wake-up reaches it
        await secondDone.Task.WaitAsync(Patience);

        await _stopping.CancelAsync();
        await loop.WaitAsync(Patience);
        passes.ShouldBeGreaterThanOrEqualTo(2);
    }
}
