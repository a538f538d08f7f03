using HaloAgent.Server.Startup.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace HaloAgent.Server.Tests.Observability;

/// <summary>What the telemetry settings switch: the console log format, and whether spans are recorded at all.</summary>
public sealed class TelemetryConfigurationTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("json", true)]
    [InlineData("simple", false)]
    public void Logs_are_json_with_scopes_unless_switched_to_simple(string? format, bool json)
    {
        var builder = WebApplication.CreateBuilder();
        if (format is not null)
        {
            builder.Configuration["HaloAgent:Telemetry:LogFormat"] = format;
        }

        builder.AddHaloObservability();
        using var services = builder.Services.BuildServiceProvider();
        var formatter = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        (formatter == ConsoleFormatterNames.Json).ShouldBe(json);
        if (json)
        {
            services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes.ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://collector:4317", null, true)]
    [InlineData(null, "true", true)]
    [InlineData("http://collector:4317", "false", false)]
    public void Spans_are_recorded_only_with_an_OTLP_endpoint_or_when_asked(string? endpoint, string? tracing, bool recorded)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["HaloAgent:Telemetry:OtlpEndpoint"] = endpoint;
        builder.Configuration["HaloAgent:Telemetry:Tracing"] = tracing;

        builder.AddHaloObservability();
        using var services = builder.Services.BuildServiceProvider();
        (services.GetService<TracerProvider>() is not null).ShouldBe(recorded);
    }
}
