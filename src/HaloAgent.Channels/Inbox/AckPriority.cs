using System.Diagnostics;

namespace HaloAgent.Channels.Inbox;

/// <summary>
/// Webhook acknowledgements come before processing. Meta and Twilio wait for the 200 (and redeliver when it is late),
/// while a stored message can be handed to the agent a little later; on a small machine a burst of webhooks and the
/// processing of the ones before it compete for the same cores. The signal is the acks' own latency: while it is high
/// (a moving average over <see cref="PressureMilliseconds"/>), processing lanes go one at a time and each waits for a
/// moment with no ack in flight (at most the given bound per message, so processing slows down but never stops). When
/// acks are quick, processing runs at full width.
/// </summary>
internal sealed class AckPriority
{
    public const double PressureMilliseconds = 15;
    private const double Smoothing = 0.05;

    private readonly SemaphoreSlim _underPressure = new(1, 1);
    private readonly Lock _gate = new();
    private double _averageMs;
    private int _inFlight;
    private TaskCompletionSource _quiet = Completed();

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Moving average of how long an ack takes, in milliseconds.</summary>
    public double AverageAckMilliseconds
    {
        get
        {
            lock (_gate)
            {
                return _averageMs;
            }
        }
    }

    public bool UnderPressure => AverageAckMilliseconds > PressureMilliseconds;

    /// <summary>Marks one webhook request as being acknowledged until the returned scope is disposed.</summary>
    public Scope Ack()
    {
        if (Interlocked.Increment(ref _inFlight) == 1)
        {
            Interlocked.Exchange(ref _quiet, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        return new Scope(this, Stopwatch.GetTimestamp());
    }

    /// <summary>Runs one piece of processing, after the acks when they are under pressure.</summary>
    public async Task RunAsync(Func<Task> work, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (maxWait <= TimeSpan.Zero || !UnderPressure)
        {
            await work();
            return;
        }

        await _underPressure.WaitAsync(cancellationToken);
        try
        {
            if (InFlight > 0)
            {
                try
                {
                    await Volatile.Read(ref _quiet).Task.WaitAsync(maxWait, TimeProvider.System, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Busy for the whole wait: go on anyway, so processing always progresses.
                }
            }

            await work();
        }
        finally
        {
            _underPressure.Release();
        }
    }

    /// <summary>Records one ack that took <paramref name="milliseconds"/> (tests feed it directly).</summary>
    internal void Record(double milliseconds)
    {
        lock (_gate)
        {
            _averageMs += Smoothing * (milliseconds - _averageMs);
        }
    }

    private void Release(long startedAt)
    {
        Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
        if (Interlocked.Decrement(ref _inFlight) == 0)
        {
            Volatile.Read(ref _quiet).TrySetResult();
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    public readonly struct Scope(AckPriority owner, long startedAt) : IDisposable
    {
        public void Dispose() => owner.Release(startedAt);
    }
}
