namespace HaloAgent.Platform.Workers;

/// <summary>
/// The loop every background worker shares (the engine's flow workers, the webhook inbox, the outbox, retention): run
/// a pass; when it left nothing due, or failed, wait; a failure is reported and the loop goes on after the wait (rows a
/// failed pass claimed are freed by their lease); the host stopping ends it without an error.
/// </summary>
public static class WorkerLoop
{
    /// <summary>Waits on <paramref name="signal"/> between passes, or for the poll interval when nobody signals.</summary>
    /// <param name="pollInterval">Read before each wait, so a changed option applies at once.</param>
    public static Task RunAsync(
        Func<CancellationToken, Task<bool>> pass, WakeSignal signal, Func<TimeSpan> pollInterval, Action<Exception> failed,
        CancellationToken stoppingToken) =>
        RunAsync(pass, token => signal.WaitAsync(pollInterval(), token), failed, stoppingToken);

    /// <param name="pass">One pass; true when it may have left work that is due now, so the next pass starts at once.</param>
    /// <param name="wait">The pause before the next pass (a <see cref="WakeSignal"/> or the worker's interval).</param>
    /// <param name="failed">Reports a pass that threw (the worker's own log line).</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task<bool>> pass, Func<CancellationToken, Task> wait, Action<Exception> failed, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await pass(stoppingToken))
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failed(ex);
            }

            try
            {
                await wait(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
