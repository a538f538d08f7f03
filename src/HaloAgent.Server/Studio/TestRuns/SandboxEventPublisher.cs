using System.Collections.Concurrent;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Runtime;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// The engine's event publisher with one exception: events whose correlation key is a test run's sandbox contact go
/// to that run only (<see cref="TestRunService.DeliverAsync"/>). Published flows' event triggers start for any key, so
/// without this a sandbox message would also start the live ordering flow, and a sandbox order would run the live
/// follow-ups. Every other event goes to the runtime unchanged.
/// </summary>
public sealed class SandboxEventPublisher(IServiceProvider services, IDbContextFactory<TestRunsDbContext> runs) : IEventPublisher
{
    private const int MaxRemembered = 100_000;

    // Sandbox contacts are always brand new and their run row is written before any event of theirs, so a key found to
    // be an ordinary contact stays one: remembering that keeps the lookup off the path of every later event.
    private readonly ConcurrentDictionary<string, bool> _ordinary = new(StringComparer.Ordinal);
    private readonly RuntimeEventPublisher _runtime = new(services);

    public async Task PublishAsync(string? tenant, string name, string correlationKey, object? payload, string eventId, CancellationToken cancellationToken)
    {
        if (!_ordinary.ContainsKey(correlationKey))
        {
            TestRunRecord? run;
            await using (var db = await runs.CreateDbContextAsync(cancellationToken))
            {
                run = await db.TestRuns.AsNoTracking().FirstOrDefaultAsync(r => r.ContactId == correlationKey, cancellationToken);
            }

            if (run is not null)
            {
                await services.GetRequiredService<TestRunService>().DeliverAsync(run, name, payload, eventId, cancellationToken);
                return;
            }

            if (_ordinary.Count >= MaxRemembered)
            {
                _ordinary.Clear();
            }

            _ordinary.TryAdd(correlationKey, true);
        }

        await _runtime.PublishAsync(tenant, name, correlationKey, payload, eventId, cancellationToken);
    }
}
