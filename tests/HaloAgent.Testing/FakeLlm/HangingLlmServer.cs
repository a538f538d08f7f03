using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HaloAgent.Testing.FakeLlm;

/// <summary>
/// An OpenAI-compatible endpoint on 127.0.0.1 that never answers: every request (e.g. <c>POST /v1/chat/completions</c>)
/// is counted and then held open until the caller gives up. Point <c>HaloAgent:Llm:BaseUrl</c> at <see cref="BaseUrl"/>
/// to prove that a provider that times out costs the customer a few seconds, never the reply.
/// </summary>
public sealed class HangingLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private int _requests;
    private int _abandoned;

    private HangingLlmServer(WebApplication app) => _app = app;

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests the caller gave up on (closed the connection) while they hung.</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    public static async Task<HangingLlmServer> StartAsync()
    {
        var app = LoopbackHost.Create();
        var server = new HangingLlmServer(app);
        app.Map("/{**path}", server.HangAsync);
        server.BaseUrl = await LoopbackHost.StartAsync(app).ConfigureAwait(false) + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HangAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Interlocked.Increment(ref _abandoned);
        }
        catch (OperationCanceledException)
        {
            // The fake is being disposed.
        }
    }
}
