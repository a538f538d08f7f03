using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using HaloAgent.AI;
using HaloAgent.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Tests.Observability;

/// <summary>The LLM's calls, tokens and fallbacks to the rules are counted, against an OpenAI-compatible server on loopback.</summary>
public sealed class LlmMetricsTests
{
    [Fact]
    public async Task Calls_tokens_and_fallbacks_are_counted_by_result_and_reason()
    {
        var mode = "ok";
        var app = LoopbackHost.Create();
        app.MapPost("/v1/chat/completions", (HttpContext context) => mode switch
        {
            "ok" => Results.Text(Completion("report_intent", """{"intent":"order","language":"en","confidence":0.9}"""), "application/json"),
            "invalid" => Results.Text(Completion("set_price", "{}"), "application/json"),
            _ => Results.StatusCode(500),
        });
        var root = await LoopbackHost.StartAsync(app);
        await using var _ = app;

        using var services = new ServiceCollection().AddMetrics().AddSingleton<AiMetrics>().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentQueue<(string Instrument, long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measured.Enqueue((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        var llm = new LlmUnderstanding(
            Options.Create(new LlmOptions { Enabled = true, BaseUrl = root + "/v1", Model = "test-model", Timeout = TimeSpan.FromSeconds(10) }),
            new RuleBasedUnderstanding(), NullLogger<LlmUnderstanding>.Instance, services.GetRequiredService<AiMetrics>());
        var request = new UnderstandRequest("I want two jollof rice please", "en", []);

        (await llm.UnderstandAsync(request, CancellationToken.None)).Provider.ShouldBe(Providers.Llm);
        mode = "invalid";
        await llm.UnderstandAsync(request, CancellationToken.None);
        mode = "error";
        await llm.UnderstandAsync(request, CancellationToken.None);

        long Sum(string instrument, string tags) => measured.Where(m => m.Instrument == instrument && m.Tags == tags).Sum(m => m.Value);
        Sum("haloagent.llm.calls", "result=ok").ShouldBe(2); // the invalid answer was still a call that answered
        Sum("haloagent.llm.calls", "result=error").ShouldBe(1);
        Sum("haloagent.llm.tokens", "type=input").ShouldBe(2 * 120);
        Sum("haloagent.llm.tokens", "type=output").ShouldBe(2 * 30);
        Sum("haloagent.llm.fallbacks", "reason=invalid").ShouldBe(1);
        Sum("haloagent.llm.fallbacks", "reason=error").ShouldBe(1);
    }

    private static string Completion(string tool, string arguments) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-obs-1",
        @object = "chat.completion",
        created = 1_763_700_000,
        model = "test-model",
        choices = new[]
        {
            new
            {
                index = 0,
                message = new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = tool, arguments } } } },
                finish_reason = "tool_calls",
            },
        },
        usage = new { prompt_tokens = 120, completion_tokens = 30, total_tokens = 150 },
    });
}
