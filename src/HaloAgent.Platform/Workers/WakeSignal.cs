namespace HaloAgent.Platform.Workers;

/// <summary>
/// Wakes one idle worker loop as soon as this node makes work for it, instead of waiting for the next poll. One loop
/// per notification: waking them all would have most of them claim nothing. A notification while no loop waits is
/// remembered (one is enough), so work queued between a loop's pass and its wait is not left to the poll.
/// Each kind of worker has its own instance (a small subclass per kind, so injection keeps them apart).
/// </summary>
public class WakeSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending; one is enough.
        }
    }

    /// <summary>
    /// True when notified, false when <paramref name="timeout"/> (the poll interval, in real time: polling is about
    /// the wall clock, while due times use the injected clock) passed first.
    /// </summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
