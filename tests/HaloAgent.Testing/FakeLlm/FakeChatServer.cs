using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HaloAgent.Testing.FakeLlm;

/// <summary>
/// A tiny OpenAI-compatible server on loopback: POST /v1/chat/completions and /chat/completions answer with whatever
/// the test scripted (tool calls, an error status, a delay, a broken body) and record every request they got.
/// <see cref="FakeReply.Hang"/> holds every request open until the caller gives up: a provider that times out.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly TaskCompletionSource firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<RecordedRequest, FakeReply> responder = _ => FakeReply.ToolCalls();

    private FakeChatServer(WebApplication app, Uri root)
    {
        this.app = app;
        Root = root;
    }

    /// <summary>http://127.0.0.1:port/ (no API prefix).</summary>
    public Uri Root { get; }

    /// <summary>http://127.0.0.1:port/v1, the base URL an OpenAI client is given.</summary>
    public string BaseUrl => new Uri(Root, "v1").ToString();

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <summary>Completes when the first request has arrived (and been recorded).</summary>
    public Task FirstRequest => firstRequest.Task;

    public static async Task<FakeChatServer> StartAsync()
    {
        var app = LoopbackHost.Create();
        FakeChatServer? server = null;
        RequestDelegate handle = context => server!.HandleAsync(context);
        app.MapPost("/v1/chat/completions", handle);
        app.MapPost("/chat/completions", handle);

        var root = await LoopbackHost.StartAsync(app).ConfigureAwait(false);
        server = new FakeChatServer(app, new Uri(root + "/"));
        return server;
    }

    /// <summary>Scripts the answer to every following request.</summary>
    public FakeChatServer Replies(FakeReply reply) => Replies(_ => reply);

    public FakeChatServer Replies(Func<RecordedRequest, FakeReply> responder)
    {
        this.responder = responder;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), JsonDocument.Parse(body).RootElement.Clone());
        requests.Enqueue(request);
        firstRequest.TrySetResult();

        var reply = responder(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            // Server-side latency, for the client's timeout to cut; ends early when the client gives up.
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body ?? CompletionJson(request, reply), context.RequestAborted);
    }

    /// <summary>A chat.completion object as OpenAI (and Groq, vLLM, Ollama) return it for tool calls.</summary>
    private static string CompletionJson(RecordedRequest request, FakeReply reply)
    {
        var toolCalls = reply.Calls.Select((call, i) => new
        {
            id = $"call_{i + 1}",
            type = "function",
            function = new { name = call.Name, arguments = call.Arguments },
        }).ToArray();

        var completion = new
        {
            id = "chatcmpl-fake-1",
            @object = "chat.completion",
            created = 1_763_700_000,
            model = request.Model,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new
                    {
                        role = "assistant",
                        content = reply.Content,
                        tool_calls = toolCalls.Length > 0 ? toolCalls : null,
                    },
                    finish_reason = toolCalls.Length > 0 ? "tool_calls" : "stop",
                    logprobs = (object?)null,
                },
            },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        };

        return JsonSerializer.Serialize(completion, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
    }
}
