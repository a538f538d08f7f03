using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace HaloAgent.Server.Startup.Observability;

/// <summary>Ready only when this node's Quartz scheduler (cron triggers of the flows) is running: started, not in standby, not shut down.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The scheduler is {status}.");
    }
}
