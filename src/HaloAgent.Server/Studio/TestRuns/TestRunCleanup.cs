using HaloAgent.Channels.History;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// Ends a test run and removes everything it made: the sandbox instance with its journal, bookmarks, events and
/// effects; the sandbox flow with its versions; the sandbox contact with its cart, orders, payments, hand-overs and
/// memory; its messages in the inbox and outbox. What the ended run shows is kept first (<see cref="TestRunSnapshot"/>).
/// </summary>
/// <remarks>
/// Ending is one conditional update, so it happens once however many callers race; the cleanup after it is a sequence of
/// idempotent steps, each safe to repeat, and the run is only marked cleaned when all are done. So a cleanup that fails
/// or cannot finish yet (the instance is in the middle of a step on some node) is simply run again by
/// <see cref="TestRunSweeper"/>, on any node, and two nodes cleaning the same run at once delete the same rows twice.
/// </remarks>
public sealed class TestRunCleanup(
    IDbContextFactory<TestRunsDbContext> runs,
    TestRunViews views,
    FlowStore store,
    FlowRuntime runtime,
    EngineDatabase engine,
    IContactService contacts,
    ConversationPurge conversations,
    TimeProvider clock,
    ILogger<TestRunCleanup> logger)
{
    private static readonly string[] Finished = [nameof(InstanceStatus.Completed), nameof(InstanceStatus.Cancelled)];

    /// <summary>
    /// Ends the run (it takes no more messages) and cleans up what can be cleaned now; what cannot is left to the
    /// sweeper, so ending never fails because of the cleanup. Ending an ended run only retries its cleanup.
    /// </summary>
    /// <returns>True when this call ended it; false when it had already ended.</returns>
    public async Task<bool> EndAsync(string runId, CancellationToken cancellationToken)
    {
        var ended = await MarkEndedAsync(runId, cancellationToken);
        try
        {
            await CleanAsync(runId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Test run {RunId} is ended; its cleanup failed and is retried by the next sweep", runId);
        }

        return ended;
    }

    /// <returns>True when this call ended it; false when it had already ended.</returns>
    public async Task<bool> MarkEndedAsync(string runId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await runs.CreateDbContextAsync(cancellationToken);
        return await db.TestRuns.Where(r => r.Id == runId && r.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EndedAt, now), cancellationToken) == 1;
    }

    /// <summary>Removes an ended run's data, after keeping its snapshot.</summary>
    /// <returns>True when nothing of the run is left; false when its instance is still busy and the cleanup must wait.</returns>
    public async Task<bool> CleanAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await LoadAsync(runId, cancellationToken);
        if (run.CleanedAt is not null)
        {
            return true;
        }

        if (run.EndedAt is null)
        {
            throw new InvalidOperationException($"Test run {runId} is still live; end it before cleaning it up.");
        }

        var instanceIds = await StopInstancesAsync(run, cancellationToken);
        if (instanceIds is null)
        {
            logger.LogDebug("Test run {RunId}: its instance is still in a step; cleanup waits for the next sweep", runId);
            return false;
        }

        if (run.Snapshot is null)
        {
            await KeepSnapshotAsync(run, cancellationToken);
        }

        await DeleteInstancesAsync(run, instanceIds, cancellationToken);
        await store.DeleteAsync(run.Tenant, run.SandboxFlowId, cancellationToken);
        await contacts.DeleteSandboxAsync(run.ContactId, cancellationToken);
        await conversations.PurgeAsync(run.BusinessId, run.ContactKey, cancellationToken);

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var db = await runs.CreateDbContextAsync(cancellationToken))
        {
            await db.TestRuns.Where(r => r.Id == runId && r.CleanedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CleanedAt, now), cancellationToken);
        }

        logger.LogInformation("Test run {RunId} of {FlowId} cleaned up: sandbox flow, instance, contact and messages deleted", runId, run.FlowId);
        return true;
    }

    private async Task<TestRunRecord> LoadAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = await runs.CreateDbContextAsync(cancellationToken);
        return await db.TestRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new TestRunNotFoundException(runId);
    }

    /// <summary>
    /// Cancels the run's unfinished instances (the sandbox flow's, and any other flow's for the sandbox contact).
    /// </summary>
    /// <returns>
    /// Their ids once all are finished and no worker holds one; null while a worker still runs a step of one (its results
    /// are discarded at its commit because of the cancel, but a step may have written orders or messages meanwhile, so
    /// deleting before it lets go would leave those behind).
    /// </returns>
    private async Task<IReadOnlyList<string>?> StopInstancesAsync(TestRunRecord run, CancellationToken cancellationToken)
    {
        var instances = await InstancesAsync(run, cancellationToken);
        foreach (var instance in instances.Where(i => !Finished.Contains(i.Status)))
        {
            try
            {
                await runtime.CancelAsync(TenantScope.All, instance.Id, cancellationToken);
            }
            catch (Exception e) when (e is InstanceStateException or InstanceNotFoundException)
            {
                // It finished, or another node's cleanup deleted it, in the meantime.
            }
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        instances = await InstancesAsync(run, cancellationToken);
        return instances.All(i => Finished.Contains(i.Status) && (i.LeaseUntil is null || i.LeaseUntil < now))
            ? instances.Select(i => i.Id).ToList()
            : null;
    }

    private Task<List<SandboxInstance>> InstancesAsync(TestRunRecord run, CancellationToken cancellationToken) =>
        engine.ReadAsync(
            (db, ct) => db.Instances
                .Where(i => i.FlowId == run.SandboxFlowId || i.CorrelationKey == run.ContactId)
                .Select(i => new SandboxInstance(i.Id, i.Status, i.LeaseUntil))
                .ToListAsync(ct),
            cancellationToken);

    /// <summary>Written once: a second cleanup (a retry after a partial delete) must not replace it with less.</summary>
    private async Task KeepSnapshotAsync(TestRunRecord run, CancellationToken cancellationToken)
    {
        TestRunSnapshot snapshot;
        try
        {
            snapshot = await views.SnapshotAsync(run, cancellationToken);
        }
        catch (InstanceNotFoundException)
        {
            // Another node's cleanup got further: it deletes the instance only after keeping the snapshot.
            return;
        }

        var json = snapshot.ToJson();
        await using var db = await runs.CreateDbContextAsync(cancellationToken);
        await db.TestRuns.Where(r => r.Id == run.Id && r.Snapshot == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Snapshot, json), cancellationToken);
    }

    /// <summary>The finished instances with everything the engine keeps for them, and what it keeps for the sandbox contact.</summary>
    private Task DeleteInstancesAsync(TestRunRecord run, IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) =>
        engine.WriteAsync(async scope =>
        {
            var db = scope.Db;
            var ct = scope.CancellationToken;
            var contactId = run.ContactId;
            await db.Journal.Where(j => instanceIds.Contains(j.InstanceId)).ExecuteDeleteAsync(ct);
            await db.Bookmarks.Where(b => instanceIds.Contains(b.InstanceId) || b.CorrelationKey == contactId).ExecuteDeleteAsync(ct);
            foreach (var id in instanceIds)
            {
                // Effects are recorded under the step's idempotency key, "{instance id}:{sequence}".
                var prefix = id + ":";
                await db.Effects.Where(e => e.Key.StartsWith(prefix)).ExecuteDeleteAsync(ct);
            }

            await db.VariantAssignments.Where(a => a.FlowId == run.SandboxFlowId || a.Subject == contactId).ExecuteDeleteAsync(ct);
            await db.Events.Where(e => e.CorrelationKey == contactId).ExecuteDeleteAsync(ct);
            // Only finished ones: an instance started after they were stopped stays, and the flow's deletion refuses to
            // go before it, so the next sweep stops and deletes it too.
            await db.Instances.Where(i => instanceIds.Contains(i.Id) && Finished.Contains(i.Status)).ExecuteDeleteAsync(ct);
        }, cancellationToken);

    private sealed record SandboxInstance(string Id, string Status, long? LeaseUntil);
}
