using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Testing.FakeTranscription;

/// <summary>
/// A fake OpenAI-compatible speech-to-text API on 127.0.0.1 (a free port): point <c>HaloAgent:Transcription:BaseUrl</c>
/// at <see cref="BaseUrl"/> (it ends in <c>/v1</c>, like Groq's and OpenAI's roots).
/// <list type="bullet">
/// <item><c>POST /v1/audio/transcriptions</c> (multipart: <c>file</c>, <c>model</c>, optional <c>language</c>,
/// <c>response_format</c>) checks the bearer key (when one is set), that a non-empty file and a model came, records the
/// request and answers <c>{"text": …}</c> with <see cref="Transcript"/> (or <see cref="Respond"/>'s answer).</item>
/// <item>Refusals use OpenAI's error JSON <c>{"error":{"message","type","code"}}</c>; <see cref="FailNext"/> scripts
/// 5xx/429 answers.</item>
/// </list>
/// </summary>
public sealed class FakeTranscriptionServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<FakeTranscriptionRequest> _requests = [];
    private readonly Queue<int> _failures = new();

    private FakeTranscriptionServer(WebApplication app, string? apiKey)
    {
        _app = app;
        ApiKey = apiKey;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>What the transcription base URL should be: <see cref="Url"/> + <c>/v1</c>.</summary>
    public string BaseUrl => Url + "/v1";

    /// <summary>The only bearer key accepted; null accepts any request (like a local whisper server).</summary>
    public string? ApiKey { get; }

    /// <summary>What every transcription says unless <see cref="Respond"/> is set.</summary>
    public string Transcript { get; set; } = "I wan buy two plates of jollof rice";

    /// <summary>Computes the transcript from the request (e.g. by file name or language) when set.</summary>
    public Func<FakeTranscriptionRequest, string>? Respond { get; set; }

    public IReadOnlyList<FakeTranscriptionRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public static async Task<FakeTranscriptionServer> StartAsync(string? apiKey = "fake-transcription-key")
    {
        var app = LoopbackHost.Create();
        var server = new FakeTranscriptionServer(app, apiKey);
        app.MapPost("/v1/audio/transcriptions", server.TranscribeAsync);
        server.Url = await LoopbackHost.StartAsync(app).ConfigureAwait(false);
        return server;
    }

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="httpStatus"/>.</summary>
    public void FailNext(int count, int httpStatus = StatusCodes.Status500InternalServerError)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(httpStatus);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task TranscribeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? fileName = null, fileType = null;
        var file = Array.Empty<byte>();
        string? problem = null;
        if (!context.Request.HasFormContentType)
        {
            problem = "Expected multipart/form-data.";
        }
        else
        {
            var form = await context.Request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }

            if (form.Files.GetFile("file") is { } upload)
            {
                fileName = upload.FileName;
                fileType = upload.ContentType;
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer);
                file = buffer.ToArray();
            }

            problem = file.Length == 0 ? "Missing required parameter: 'file'."
                : string.IsNullOrWhiteSpace(fields.GetValueOrDefault("model")) ? "Missing required parameter: 'model'."
                : null;
        }

        int status;
        lock (_gate)
        {
            status = _failures.Count > 0 ? _failures.Dequeue()
                : ApiKey is not null && authorization != $"Bearer {ApiKey}" ? StatusCodes.Status401Unauthorized
                : problem is not null ? StatusCodes.Status400BadRequest
                : StatusCodes.Status200OK;
            _requests.Add(new FakeTranscriptionRequest(
                context.Request.Path.Value ?? "", authorization.Length == 0 ? null : authorization, fields, fileName, fileType, file, status));
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (status != StatusCodes.Status200OK)
        {
            var (message, type) = status switch
            {
                StatusCodes.Status401Unauthorized => ("Invalid API Key", "invalid_request_error"),
                StatusCodes.Status400BadRequest => (problem!, "invalid_request_error"),
                StatusCodes.Status429TooManyRequests => ("Rate limit reached", "rate_limit_exceeded"),
                _ => ("The server had an error while processing your request.", "server_error"),
            };
            await context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = null } }.ToJsonString());
            return;
        }

        var recorded = Requests[^1];
        var text = Respond?.Invoke(recorded) ?? Transcript;
        await context.Response.WriteAsync(new JsonObject { ["text"] = text }.ToJsonString());
    }
}
