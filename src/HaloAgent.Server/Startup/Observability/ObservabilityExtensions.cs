using System.Diagnostics.Metrics;
using HaloAgent.AI;
using HaloAgent.Channels;
using HaloAgent.Engine.Runtime.Runtime;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HaloAgent.Server.Startup.Observability;

/// <summary>
/// Metrics (<c>/metrics</c>, Prometheus text, from the modules' meters through OpenTelemetry), traces (OTLP when an
/// endpoint is configured), JSON logs with scopes, and the <c>/health/live</c> and <c>/health/ready</c> probes.
/// </summary>
public static class ObservabilityExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>The meters exported at <c>/metrics</c>: the modules' own and the platform's (HTTP server and client, runtime, Npgsql).</summary>
    public static readonly string[] Meters =
    [
        ChannelsMetrics.MeterName, EngineMetrics.MeterName, AiMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime", "Npgsql",
    ];

    public static WebApplicationBuilder AddHaloObservability(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        builder.Services.Configure<TelemetryOptions>(section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];

        if (!string.Equals(options.LogFormat, "simple", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true; // inbox id, message id, trace id
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(Meters).AddPrometheusExporter();
            // Meters made by another host's IMeterFactory (several hosts in one process: tests) are not this node's.
            ((IDeferredMeterProviderBuilder)metrics).Configure((services, b) => b.AddView(OnlyFrom(services.GetRequiredService<IMeterFactory>())));
            if (!string.IsNullOrEmpty(otlp))
            {
                metrics.AddOtlpExporter(o => SetEndpoint(o, options));
            }
        });

        if (options.Tracing ?? !string.IsNullOrEmpty(otlp))
        {
            telemetry.WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new QuietRootSampler())
                    .AddSource(ChannelsTelemetry.SourceName, EngineMetrics.MeterName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (!string.IsNullOrEmpty(otlp))
                {
                    tracing.AddOtlpExporter(o => SetEndpoint(o, options));
                }
            });
        }

        var services = builder.Services;
        services.AddHostedService<MetricsActivator>();
        services.AddSingleton(sp => new MigrationsHealthCheck(sp, MigrationsHealthCheck.ContextsIn(services)));
        services.AddHealthChecks()
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>The webhook ack timer (first in the pipeline), <c>/metrics</c> behind <see cref="MetricsAccess"/>, and the probes.</summary>
    public static WebApplication MapHaloObservability(this WebApplication app)
    {
        app.Use((context, next) => WebhookAckTimer.InvokeAsync(context, () => next(context)));
        app.MapPrometheusScrapingEndpoint(
            "/metrics", meterProvider: null,
            configureBranchedPipeline: branch => branch.Use((context, next) => MetricsAccess.GuardAsync(context, () => next(context))),
            optionsName: null);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = _ => true, ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }

    /// <summary>The existing <c>/health</c>: the database answers (the readiness-only checks are left to <c>/health/ready</c>).</summary>
    public static bool IsLegacyHealthCheck(HealthCheckRegistration check) => !check.Tags.Contains(ReadyTag);

    /// <summary>
    /// Our key names the endpoint (a gRPC collector, e.g. <c>http://collector:4317</c>); without it the exporter reads the
    /// standard <c>OTEL_EXPORTER_OTLP_*</c> variables itself, which also handles <c>http/protobuf</c> paths.
    /// </summary>
    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions exporter, TelemetryOptions options)
    {
        if (!string.IsNullOrEmpty(options.OtlpEndpoint))
        {
            exporter.Endpoint = new Uri(options.OtlpEndpoint);
        }
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health");

    private static Func<Instrument, MetricStreamConfiguration?> OnlyFrom(IMeterFactory mine) =>
        instrument => instrument.Meter.Scope is IMeterFactory other && !ReferenceEquals(other, mine) ? MetricStreamConfiguration.Drop : null;
}
