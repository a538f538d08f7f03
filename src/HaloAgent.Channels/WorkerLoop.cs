namespace HaloAgent.Channels;

/// <summary>
/// The loop the channels' background workers share (inbox, outbox, body retention): run a pass; when it left nothing
/// due, or failed, wait; a failure is reported and the loop goes on (rows a failed pass claimed are freed by their
/// lease); the host stopping ends it.
/// </summary>
internal static class WorkerLoop
{
    /// <param name="pass">One pass; true when it may have left work that is due now, so the next pass starts at once.</param>
    /// <param name="wait">The pause before the next pass (a <see cref="WorkPulse"/> or the worker's interval).</param>
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
