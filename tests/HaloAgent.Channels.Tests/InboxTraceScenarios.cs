using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Dapper;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Channels.Tests;

/// <summary>
/// Processing a stored event is a span in the trace of the webhook request that stored it, whichever node claims the
/// row and however soon: the trace context travels on the row, not in the memory of the node that acked it.
/// </summary>
public abstract class InboxTraceScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ConcurrentBag<Activity> _spans = [];
    private ChannelsHost _host = null!;
    private ActivityListener _listener = null!;

    public async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or ChannelsTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_listener);
        _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _listener.Dispose();
    }

    [Fact]
    public async Task The_stored_event_carries_the_request_s_trace_and_its_processing_continues_it()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var webhook = new WhatsAppWebhookBuilder(ChannelsHost.PhoneNumberId).Text(ChannelsHost.Customer, "Hello");
        using var request = webhook.Sign(ChannelsHost.AppSecret).ToRequest(_host.WhatsAppUrl);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await _host.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var server = _spans.Single(s => s.TraceId == traceId && s.Kind == ActivityKind.Server);
        var stored = await _host.SqlAsync(c => c.QuerySingleAsync<string?>("SELECT trace_parent FROM webhook_inbox"));
        stored.ShouldBe($"00-{traceId}-{server.SpanId}-01", "the row names the request's span, so any node can continue its trace");

        (await _host.ProcessAsync()).ShouldBe(1);

        var processing = _spans.Single(s => s.OperationName == "inbox.process" && s.TraceId == traceId);
        processing.ParentSpanId.ShouldBe(server.SpanId);
    }

    [Fact]
    public async Task An_event_another_node_stored_is_processed_in_that_node_s_trace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var parent = ActivitySpanId.CreateRandom();
        var id = Guid.CreateVersion7().ToString("N");
        var body = new WhatsAppWebhookBuilder(ChannelsHost.PhoneNumberId).Text(ChannelsHost.Customer, "Hello").BuildBytes();
        var now = _host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _host.SqlAsync(c => c.ExecuteAsync(
            """
            INSERT INTO webhook_inbox (id, provider, body, status, received_at, next_attempt_at, attempts, trace_parent)
            VALUES (@Id, 'whatsapp', @Body, 'pending', @Now, @Now, 0, @TraceParent)
            """,
            new { Id = id, Body = body, Now = now, TraceParent = $"00-{traceId}-{parent}-01" }));

        (await _host.ProcessAsync()).ShouldBe(1);

        var processing = _spans.Single(s => s.OperationName == "inbox.process" && (string?)s.GetTagItem("haloagent.inbox.id") == id);
        processing.TraceId.ShouldBe(traceId);
        processing.ParentSpanId.ShouldBe(parent);
    }

    [Fact]
    public async Task A_malformed_stored_trace_starts_a_new_trace_and_the_event_is_still_processed()
    {
        var id = Guid.CreateVersion7().ToString("N");
        var body = new WhatsAppWebhookBuilder(ChannelsHost.PhoneNumberId).Text(ChannelsHost.Customer, "Hello").BuildBytes();
        var now = _host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _host.SqlAsync(c => c.ExecuteAsync(
            """
            INSERT INTO webhook_inbox (id, provider, body, status, received_at, next_attempt_at, attempts, trace_parent)
            VALUES (@Id, 'whatsapp', @Body, 'pending', @Now, @Now, 0, 'not-a-traceparent')
            """,
            new { Id = id, Body = body, Now = now }));

        (await _host.ProcessAsync()).ShouldBe(1);

        var processing = _spans.Single(s => s.OperationName == "inbox.process" && (string?)s.GetTagItem("haloagent.inbox.id") == id);
        processing.ParentSpanId.ShouldBe(default);
        _host.Handler.Messages.ShouldHaveSingleItem().Text.ShouldBe("Hello");
    }
}

public sealed class SqliteInboxTraceScenarios() : InboxTraceScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresInboxTraceScenarios() : InboxTraceScenarios(DatabaseProvider.Postgres);
