using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HaloAgent.Server.Startup.Observability;

/// <summary>
/// Ready only when every module's schema is at the version this build knows: each registered DbContext (found by its
/// <see cref="IDbContextFactory{TContext}"/>, so modules added later are covered) has no pending migration. A healthy
/// answer is kept for 30 s: probes come every few seconds and the schema only changes when a node starts.
/// </summary>
public sealed class MigrationsHealthCheck(IServiceProvider services, IReadOnlyList<Type> contexts) : IHealthCheck
{
    private static readonly TimeSpan KeepHealthy = TimeSpan.FromSeconds(30);
    private long _healthyAt;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _healthyAt) is var at and > 0 && Stopwatch.GetElapsedTime(at) < KeepHealthy)
        {
            return HealthCheckResult.Healthy($"{contexts.Count} schemas up to date.");
        }

        var pending = new List<string>();
        foreach (var type in contexts)
        {
            var factory = services.GetRequiredService(typeof(IDbContextFactory<>).MakeGenericType(type));
            var create = typeof(IDbContextFactory<>).MakeGenericType(type).GetMethod(nameof(IDbContextFactory<DbContext>.CreateDbContext))!;
            await using var db = (DbContext)create.Invoke(factory, null)!;
            pending.AddRange((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Select(m => $"{type.Name}: {m}"));
        }

        if (pending.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", pending)}.");
        }

        Volatile.Write(ref _healthyAt, Stopwatch.GetTimestamp());
        return HealthCheckResult.Healthy($"{contexts.Count} schemas up to date.");
    }

    /// <summary>The DbContext types the services register a factory for.</summary>
    public static IReadOnlyList<Type> ContextsIn(IServiceCollection services) =>
        services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IDbContextFactory<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()
            .ToList();
}
