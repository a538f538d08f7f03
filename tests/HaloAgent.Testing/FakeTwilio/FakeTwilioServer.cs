using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Testing.FakeTwilio;

/// <summary>
/// A fake Twilio REST API on 127.0.0.1 (a free port): <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>,
/// form-encoded, HTTP Basic with the account SID and auth token; answers 201 with <c>{"sid":"SM…","status":"queued",…}</c>
/// or, when scripted with <see cref="FailNext"/> or for bad credentials, Twilio's error JSON. Point
/// <c>Twilio:ApiBaseUrl</c> at <see cref="Url"/>.
/// </summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    public const string DefaultAccountSid = "AC00000000000000000000000000000001";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<FakeTwilioMessage> _messages = [];
    private readonly Queue<(int Status, int Code, string Message)> _failures = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private long _next;

    private FakeTwilioServer(WebApplication app, string accountSid, string authToken)
    {
        _app = app;
        AccountSid = accountSid;
        AuthToken = authToken;
    }

    public string Url { get; private set; } = "";

    public string AccountSid { get; }

    public string AuthToken { get; }

    /// <summary>Every message call, accepted or not, in arrival order.</summary>
    public IReadOnlyList<FakeTwilioMessage> Requests
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToList();
            }
        }
    }

    public IReadOnlyList<FakeTwilioMessage> Sent => Requests.Where(m => m.Sid is not null).ToList();

    public static async Task<FakeTwilioServer> StartAsync(string authToken, string accountSid = DefaultAccountSid)
    {
        var app = LoopbackHost.Create();
        var server = new FakeTwilioServer(app, accountSid, authToken);
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", server.PostAsync);
        server.Url = await LoopbackHost.StartAsync(app).ConfigureAwait(false);
        return server;
    }

    /// <summary>The next <paramref name="count"/> calls fail with Twilio's error (e.g. 400 / 63016 outside the session window, 500).</summary>
    public void FailNext(int count, int status, int code, string message)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue((status, code, message));
            }
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> messages have been accepted; event-driven, no polling.</summary>
    public Task WaitForSentAsync(int count, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_messages.Count(m => m.Sid is not null) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task PostAsync(HttpContext context, string sid)
    {
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        (int Status, int Code, string Message)? error = null;
        string? messageSid = null;
        lock (_gate)
        {
            if (sid != AccountSid || context.Request.Headers.Authorization.ToString() != expected)
            {
                error = (401, 20003, "Authenticate");
            }
            else if (_failures.Count > 0)
            {
                error = _failures.Dequeue();
            }
            else if (string.IsNullOrEmpty(form["To"]) || string.IsNullOrEmpty(form["From"]) || (string.IsNullOrEmpty(form["Body"]) && string.IsNullOrEmpty(form["MediaUrl"])))
            {
                error = (400, 21602, "Message body is required.");
            }
            else
            {
                messageSid = $"SM{Interlocked.Increment(ref _next):D32}";
            }

            _messages.Add(new FakeTwilioMessage(form["From"].ToString(), form["To"].ToString(), form["Body"].ToString(), form["MediaUrl"].FirstOrDefault(), messageSid, error?.Code));
            var sent = _messages.Count(m => m.Sid is not null);
            foreach (var waiter in _waiters.Where(w => sent >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        context.Response.ContentType = "application/json";
        if (error is { } e)
        {
            context.Response.StatusCode = e.Status;
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                code = e.Code,
                message = e.Message,
                more_info = $"https://www.twilio.com/docs/errors/{e.Code}",
                status = e.Status,
            })).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            sid = messageSid,
            account_sid = AccountSid,
            from = form["From"].ToString(),
            to = form["To"].ToString(),
            body = form["Body"].ToString(),
            status = "queued",
            num_segments = "1",
        })).ConfigureAwait(false);
    }
}

/// <summary>One message call the fake received: what would reach the customer, and its SID when accepted.</summary>
public sealed record FakeTwilioMessage(string From, string To, string Body, string? MediaUrl, string? Sid, int? ErrorCode);
