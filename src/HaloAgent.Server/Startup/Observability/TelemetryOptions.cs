namespace HaloAgent.Server.Startup.Observability;

/// <summary>Settings of <c>HaloAgent:Telemetry</c>: metrics access, traces, log format.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "HaloAgent:Telemetry";

    /// <summary>The service name on traces and metrics (OpenTelemetry resource).</summary>
    public string ServiceName { get; set; } = "haloagent";

    /// <summary>Where traces (and metrics) are pushed over OTLP; <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> works too. Unset: nothing is pushed.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Record spans even without an OTLP endpoint (tests, a debugger). Default: only when an endpoint is configured.</summary>
    public bool? Tracing { get; set; }

    /// <summary>A bearer token that lets a scraper read <c>/metrics</c> from anywhere (e.g. Prometheus in another container).</summary>
    public string? MetricsToken { get; set; }

    /// <summary>
    /// Whether <c>/metrics</c> answers any request from loopback without a token. Turn it off when a reverse proxy on the
    /// same machine forwards internet traffic without forwarded headers (every request would look local).
    /// </summary>
    public bool MetricsFromLoopback { get; set; } = true;

    /// <summary><c>json</c> (one JSON object per line, with scopes: inbox id, message id, trace id) or <c>simple</c> (the default console format).</summary>
    public string LogFormat { get; set; } = "json";
}
