using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// Ends the runs nobody uses any more (the designer closed the tab without ending them) and finishes the cleanups that
/// could not finish when a run was ended. Every node runs one; they share the database and every step is idempotent
/// (<see cref="TestRunCleanup"/>), so two nodes sweeping the same run is harmless.
/// </summary>
public sealed class TestRunSweeper(
    IDbContextFactory<TestRunsDbContext> runs,
    TestRunCleanup cleanup,
    IOptions<TestRunOptions> options,
    TimeProvider clock,
    ILogger<TestRunSweeper> logger) : BackgroundService
{
    /// <summary>Runs handled per sweep, so one sweep stays short; the rest wait for the next.</summary>
    private const int BatchSize = 100;

    /// <summary>One pass: ends the idle runs, then cleans up every ended run that still has data.</summary>
    /// <returns>How many runs it ended for being idle.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var idleSince = clock.GetUtcNow().Subtract(options.Value.IdleLimit).ToUnixTimeMilliseconds();
        List<string> idle;
        List<string> unclean;
        await using (var db = await runs.CreateDbContextAsync(cancellationToken))
        {
            idle = await db.TestRuns.AsNoTracking()
                .Where(r => r.CleanedAt == null && r.EndedAt == null && r.LastActiveAt < idleSince)
                .OrderBy(r => r.LastActiveAt).Select(r => r.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            unclean = await db.TestRuns.AsNoTracking()
                .Where(r => r.CleanedAt == null && r.EndedAt != null)
                .OrderBy(r => r.LastActiveAt).Select(r => r.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        var ended = 0;
        foreach (var runId in idle)
        {
            if (await cleanup.MarkEndedAsync(runId, cancellationToken))
            {
                ended++;
                logger.LogInformation("Test run {RunId} ended: idle for more than {Minutes} minutes", runId, options.Value.TestRunIdleMinutes);
            }
        }

        foreach (var runId in idle.Concat(unclean).Distinct(StringComparer.Ordinal))
        {
            try
            {
                await cleanup.CleanAsync(runId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One run's failure does not hold up the others; it is tried again next time.
                logger.LogWarning(e, "Cleaning up test run {RunId} failed; the next sweep tries again", runId);
            }
        }

        return ended;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TestRunSweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "The test run sweep failed; it runs again in {Interval}", options.Value.TestRunSweepInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }
}
