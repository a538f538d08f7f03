namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>Wakes idle workers as soon as this node makes something runnable, instead of waiting for the next poll.</summary>
public sealed class WorkSignal
{
    private TaskCompletionSource _pulse = NewPulse();

    public void Notify() => Interlocked.Exchange(ref _pulse, NewPulse()).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _pulse).Task.WaitAsync(timeout, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Polling interval elapsed: look for work anyway.
        }
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
