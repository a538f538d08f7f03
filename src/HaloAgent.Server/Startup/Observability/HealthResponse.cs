using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HaloAgent.Server.Startup.Observability;

/// <summary>The body of <c>/health/ready</c>: the overall status and each check's status and description (no exception details).</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.GetType().Name }),
        });
}
