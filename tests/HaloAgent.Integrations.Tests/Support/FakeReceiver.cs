using System.Collections.Concurrent;
using HaloAgent.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HaloAgent.Integrations.Tests.Support;

/// <summary>
/// Another tool on loopback (n8n, Zapier): records every request (method, path, headers, raw body) and answers with
/// the statuses queued for its path (200 once the queue is empty). <c>/slow</c> answers after 5 s; <c>/redirect?to=</c>
/// answers 302 to the given URL.
/// </summary>
public sealed class FakeReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _statuses = new();

    private FakeReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    /// <summary>The next answers of <paramref name="path"/>, in order.</summary>
    public void Answer(string path, params int[] statuses)
    {
        var queue = _statuses.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    public static async Task<FakeReceiver> StartAsync()
    {
        var app = LoopbackHost.Create();
        FakeReceiver? self = null;
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            return Results.Ok();
        });
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        app.Map("/{**path}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var path = context.Request.Path.Value ?? "/";
            self!.Requests.Enqueue(new Received(
                context.Request.Method, path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), buffer.ToArray()));
            var status = self._statuses.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next : 200;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                $$"""{"ok": {{(status < 300 ? "true" : "false")}}, "path": "{{path}}", "echo": {{(buffer.Length > 0 ? System.Text.Encoding.UTF8.GetString(buffer.ToArray()) : "null")}}}""");
        });
        var url = await LoopbackHost.StartAsync(app);
        self = new FakeReceiver(app, url);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
