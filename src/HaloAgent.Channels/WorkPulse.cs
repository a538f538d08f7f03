namespace HaloAgent.Channels;

/// <summary>Wakes an idle loop as soon as this node has work for it, instead of waiting for the next poll.</summary>
internal abstract class WorkPulse
{
    private TaskCompletionSource _pulse = NewPulse();

    public void Notify() => Interlocked.Exchange(ref _pulse, NewPulse()).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            // Real time on purpose: polling is about the wall clock, while due times use the injected clock.
            await Volatile.Read(ref _pulse).Task.WaitAsync(timeout, TimeProvider.System, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Poll interval elapsed: look anyway (other nodes' work, retries coming due).
        }
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A webhook event was stored on this node.</summary>
internal sealed class InboxSignal : WorkPulse;

/// <summary>A message was queued on this node.</summary>
internal sealed class OutboxSignal : WorkPulse;
