namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// Wakes one idle worker loop as soon as this node makes something runnable, instead of waiting for the next poll.
/// One loop per notification: waking them all would have most of them claim nothing. A loop that claims a full batch
/// notifies again, so the others join in when there is more.
/// </summary>
public sealed class WorkSignal
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

    /// <summary>Returns when notified or when <paramref name="timeout"/> (the polling interval) has passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
