using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Dapper;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Trace;

namespace HaloAgent.Server.Tests.Observability;

/// <summary>
/// One signed WhatsApp webhook through the real server, seen from the outside: /metrics (ack histogram, engine steps,
/// sends, queue gauges), the trace (webhook request → inbox processing, one trace id) and the logs (the agent's log line
/// for the message carries the inbox id, message id and trace id).
/// </summary>
public sealed class WebhookObservabilityTests
{
    private const string AppSecret = "test-app-secret";
    private const string MetricsToken = "scrape-token-for-tests";
    private const string Phone = "2348030000077";

    public static TheoryData<DatabaseProvider> Providers() => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_processed_webhook_shows_in_metrics_traces_and_logs(DatabaseProvider provider)
    {
        await using var graph = await FakeGraphServer.StartAsync();
        var connectionString = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"halo-obs-{Guid.NewGuid():N}.db")}"
            : await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("obs");
        var spans = new LockedList<Activity>();
        var logs = new CapturingLoggerProvider();
        await using var root = new HaloAgentFactory(provider, connectionString, new Dictionary<string, string>
        {
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:GraphBaseUrl"] = graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = graph.AccessToken,
            ["WhatsApp:PairSpacing"] = "00:00:00",
            ["HaloAgent:Telemetry:MetricsToken"] = MetricsToken,
            ["HaloAgent:Telemetry:Tracing"] = "true",
            ["Logging:LogLevel:HaloAgent.Agent"] = "Debug",
        });
        var factory = root.WithWebHostBuilder(web => web.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        }));
        var client = factory.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An event that waits for a retry an hour from now, received a minute ago: the inbox gauges must see it, before
        // any webhook came (the gauges exist from the start).
        await InsertWaitingInboxRowAsync(provider, connectionString);

        // Not public: no token (and the test server's requests are not from loopback) → 401.
        (await client.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var before = await ScrapeAsync(client);
        (PrometheusText.Sum(before, "haloagent_webhook_ack_duration_seconds_count", ("provider", "whatsapp")) ?? 0).ShouldBe(0);
        PrometheusText.Sum(before, "haloagent_inbox_depth")!.Value.ShouldBeGreaterThanOrEqualTo(1);
        PrometheusText.Sum(before, "haloagent_inbox_age_seconds")!.Value.ShouldBeGreaterThanOrEqualTo(60);
        PrometheusText.Sum(before, "haloagent_outbox_depth", ("status", "queued")).ShouldBe(0);

        var traceId = ActivityTraceId.CreateRandom();
        var hook = new WhatsAppWebhookBuilder().Text(Phone, "Hello", name: "Ada");
        using var request = hook.Sign(AppSecret).ToRequest("/webhooks/whatsapp");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => Task.FromResult(graph.Sent.Count(r => r.To == Phone)), n => n > 0, TimeSpan.FromSeconds(30), "the agent's reply");

        var metrics = await Eventually.ReturnsAsync(
            () => ScrapeAsync(client),
            text => PrometheusText.Sum(text, "haloagent_webhook_ack_duration_seconds_count", ("provider", "whatsapp"), ("status_code", "200")) >= 1
                && PrometheusText.Sum(text, "haloagent_engine_steps_total") > 0
                && PrometheusText.Sum(text, "haloagent_outbox_sends_total", ("result", "sent")) >= 1,
            TimeSpan.FromSeconds(30),
            "ack, step and send counters");
        PrometheusText.Sum(metrics, "haloagent_engine_steps_total", ("activity_type", "Start")).ShouldNotBeNull();
        PrometheusText.Sum(metrics, "haloagent_webhook_ack_duration_seconds_bucket", ("provider", "whatsapp"), ("le", "+Inf")).ShouldBe(1);
        PrometheusText.Sum(metrics, "haloagent_outbox_depth", ("status", "queued")).ShouldNotBeNull();
        PrometheusText.Sum(metrics, "haloagent_engine_instances", ("status", "Waiting")).ShouldNotBeNull();
        PrometheusText.Sum(metrics, "haloagent_engine_timers_due").ShouldNotBeNull();

        // The webhook request and the processing of what it stored are one trace.
        var (webhook, processing) = await Eventually.ReturnsAsync(
            () => Task.FromResult((
                spans.Snapshot().FirstOrDefault(s => s.TraceId == traceId && s.Kind == ActivityKind.Server),
                spans.Snapshot().FirstOrDefault(s => s.TraceId == traceId && s.OperationName == "inbox.process"))),
            pair => pair.Item1 is not null && pair.Item2 is not null,
            TimeSpan.FromSeconds(30),
            "the webhook span and the processing span");
        ((string?)webhook!.GetTagItem("http.route")).ShouldNotBeNull().ShouldStartWith("/webhooks/whatsapp");
        processing!.ParentSpanId.ShouldBe(webhook.SpanId);

        // The agent's line for this message (another module than the inbox) carries the correlation ids.
        var line = logs.Entries.FirstOrDefault(e => e.Category.EndsWith("AgentInboundHandler", StringComparison.Ordinal) && e.Scope.GetValueOrDefault("MessageId") == hook.LastMessageId);
        line.ShouldNotBeNull($"a log line of the agent for {hook.LastMessageId}");
        line.Scope["InboxId"].ShouldBe((string?)processing.GetTagItem("haloagent.inbox.id"));
        line.Scope["TraceId"].ShouldBe(traceId.ToString());
        line.Message.ShouldNotContain("Hello", Case.Sensitive, "no message text in logs");
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsToken);
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task InsertWaitingInboxRowAsync(DatabaseProvider provider, string connectionString)
    {
        await using DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(
            "INSERT INTO webhook_inbox (id, provider, body, status, received_at, next_attempt_at, attempts) VALUES (@Id, 'whatsapp', @Body, 'pending', @Received, @Next, 1)",
            new { Id = Guid.NewGuid().ToString("N"), Body = "{}"u8.ToArray(), Received = now - 60_000, Next = now + 3_600_000 });
    }
}
