using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Testing.FakeGraph;

/// <summary>
/// A fake Meta Graph API on 127.0.0.1 (a free port) that speaks the WhatsApp Cloud API protocol: point
/// <c>WhatsApp:GraphBaseUrl</c> at <see cref="BaseUrl"/>.
/// <list type="bullet">
/// <item><c>POST /{version?}/{phone-number-id}/messages</c>: checks the bearer token, records the request and answers
/// <c>{"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],"messages":[{"id":"wamid.…"}]}</c>; a mark-as-read
/// (<c>"status":"read"</c>) answers <c>{"success":true}</c>.</item>
/// <item><see cref="FailNext"/> scripts failures (500, 130429, 131047, 190…) in Meta's error JSON;
/// <see cref="StartOutage"/> fails every call (cycling through the given errors) until <see cref="EndOutage"/>.</item>
/// <item><c>GET /{version?}/{media-id}</c> answers <c>{url, mime_type, sha256, file_size, id}</c> for media added with
/// <see cref="AddMedia"/>; the URL is on this server and needs the bearer token too.</item>
/// </list>
/// </summary>
/// <example>
/// <code>
/// await using var graph = await FakeGraphServer.StartAsync();
/// config["WhatsApp:GraphBaseUrl"] = graph.BaseUrl;   // business access token: graph.AccessToken
/// graph.FailNext(2, FakeGraphError.ServerError);
/// ... run the sender ...
/// graph.Sent.Single().Text.ShouldBe("Hello");
/// </code>
/// </example>
public sealed partial class FakeGraphServer : IAsyncDisposable
{
    public const string DefaultAccessToken = "fake-graph-token";
    public const string DefaultVersion = "v21.0";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<FakeGraphRequest> _requests = [];
    private readonly Queue<FakeGraphError> _failures = new();
    private readonly Dictionary<string, (byte[] Content, string MimeType)> _media = new(StringComparer.Ordinal);
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly Dictionary<string, List<FakeGraphRequest>> _sentTo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Count, TaskCompletionSource Done)>> _recipientWaiters = new(StringComparer.Ordinal);
    private FakeGraphError[] _outage = [];
    private int _outageNext;
    private int _sentCount;
    private int _outageFailures;
    private int _mediaDownloads;
    private long _nextId;

    private FakeGraphServer(WebApplication app, string accessToken, string version)
    {
        _app = app;
        AccessToken = accessToken;
        Version = version;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>What <c>WhatsApp:GraphBaseUrl</c> should be: <see cref="Url"/> plus the version.</summary>
    public string BaseUrl => $"{Url}/{Version}";

    public string Version { get; }

    /// <summary>The only bearer token the fake accepts (a business's access token in tests).</summary>
    public string AccessToken { get; }

    /// <summary>Every messages call, including failed ones and read receipts, in arrival order.</summary>
    public IReadOnlyList<FakeGraphRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Messages the fake accepted (not read receipts, not failures).</summary>
    public IReadOnlyList<FakeGraphRequest> Sent => Requests.Where(r => r.Accepted && !r.IsReadReceipt).ToList();

    public IReadOnlyList<FakeGraphRequest> ReadReceipts => Requests.Where(r => r.Accepted && r.IsReadReceipt).ToList();

    /// <summary>Successful downloads of media bytes.</summary>
    public int MediaDownloads => Volatile.Read(ref _mediaDownloads);

    public static async Task<FakeGraphServer> StartAsync(string accessToken = DefaultAccessToken, string version = DefaultVersion)
    {
        var app = LoopbackHost.Create();
        var server = new FakeGraphServer(app, accessToken, version);
        app.MapPost("/{**path}", server.PostAsync);
        app.MapGet("/{**path}", server.GetAsync);
        server.Url = await LoopbackHost.StartAsync(app).ConfigureAwait(false);
        return server;
    }

    /// <summary>The next <paramref name="count"/> messages calls fail with <paramref name="error"/> (queued after earlier scripted failures).</summary>
    public void FailNext(int count, FakeGraphError error)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(error);
            }
        }
    }

    /// <summary>
    /// From now on every messages call (after scripted <see cref="FailNext"/> failures) fails, with
    /// <paramref name="errors"/> in turn (e.g. 500, 429, 130429), until <see cref="EndOutage"/>: Meta having a bad minute.
    /// </summary>
    public void StartOutage(params FakeGraphError[] errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Length);
        lock (_gate)
        {
            _outage = errors.ToArray();
            _outageNext = 0;
        }
    }

    /// <summary>Ends <see cref="StartOutage"/>: calls are accepted again.</summary>
    public void EndOutage()
    {
        lock (_gate)
        {
            _outage = [];
        }
    }

    /// <summary>Calls refused by an outage so far.</summary>
    public int OutageFailures
    {
        get
        {
            lock (_gate)
            {
                return _outageFailures;
            }
        }
    }

    /// <summary>Messages accepted so far (not read receipts), without copying the request list.</summary>
    public int SentCount
    {
        get
        {
            lock (_gate)
            {
                return _sentCount;
            }
        }
    }

    /// <summary>Messages accepted for <paramref name="recipient"/> (the <c>to</c> of the request), in arrival order.</summary>
    public IReadOnlyList<FakeGraphRequest> SentTo(string recipient)
    {
        lock (_gate)
        {
            return _sentTo.TryGetValue(recipient, out var sent) ? sent.ToList() : [];
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> messages to <paramref name="recipient"/> have been accepted.</summary>
    public Task WaitForSentToAsync(string recipient, int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_sentTo.TryGetValue(recipient, out var sent) && sent.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_recipientWaiters.TryGetValue(recipient, out var waiters))
            {
                _recipientWaiters[recipient] = waiters = [];
            }

            waiters.Add((count, done));
            return done.Task.WaitAsync(timeout, cancellationToken);
        }
    }

    /// <summary>Makes media downloadable through the two-step fetch; returns its media id.</summary>
    public string AddMedia(byte[] content, string mimeType, string? mediaId = null)
    {
        mediaId ??= (1_000_000_000_000 + Interlocked.Increment(ref _nextId)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _media[mediaId] = (content, mimeType);
        }

        return mediaId;
    }

    /// <summary>
    /// Completes when at least <paramref name="count"/> messages have been accepted in all (for tests where the
    /// background sender runs); fails after <paramref name="timeout"/>. Event-driven, no polling.
    /// </summary>
    public Task WaitForSentAsync(int count, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (SentCountLocked() >= count)
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

    private async Task PostAsync(HttpContext context, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[^1] != "messages")
        {
            await WriteErrorAsync(context, new FakeGraphError(400, 100, $"Unknown path /{path}", Type: "GraphMethodException"));
            return;
        }

        var phoneNumberId = segments[^2];
        var authorization = context.Request.Headers.Authorization.ToString();
        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, new FakeGraphError(400, 100, "(#100) The parameter messaging_product is required.", Type: "OAuthException"));
            return;
        }

        FakeGraphError? error = null;
        string? wamid = null;
        lock (_gate)
        {
            if (authorization != $"Bearer {AccessToken}")
            {
                error = new FakeGraphError(401, 190, "Invalid OAuth access token - Cannot parse access token");
            }
            else if (_failures.Count > 0)
            {
                error = _failures.Dequeue();
            }
            else if (_outage.Length > 0)
            {
                error = _outage[_outageNext++ % _outage.Length];
                _outageFailures++;
            }
            else if (body["messaging_product"]?.GetValue<string>() != "whatsapp")
            {
                error = new FakeGraphError(400, 100, "(#100) The parameter messaging_product is required.");
            }
            else
            {
                wamid = "wamid.FAKE" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('/', '_').Replace('+', '-');
            }

            var request = new FakeGraphRequest(phoneNumberId, authorization, body, wamid, error);
            _requests.Add(request);
            if (request.Accepted && !request.IsReadReceipt)
            {
                _sentCount++;
                RecordSentToLocked(request);
            }

            var sent = _sentCount;
            foreach (var waiter in _waiters.Where(w => sent >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        if (error is not null)
        {
            await WriteErrorAsync(context, error);
            return;
        }

        if (body["status"]?.GetValue<string>() == "read")
        {
            await context.Response.WriteAsJsonAsync(new JsonObject { ["success"] = true });
            return;
        }

        var to = body["to"]?.GetValue<string>() ?? "";
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = wamid }),
        });
    }

    private async Task GetAsync(HttpContext context, string path)
    {
        var authorized = context.Request.Headers.Authorization.ToString() == $"Bearer {AccessToken}";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 2 && segments[0] == "media-download")
        {
            (byte[] Content, string MimeType) file;
            lock (_gate)
            {
                if (!_media.TryGetValue(segments[1], out file))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
            }

            if (!authorized)
            {
                // The real CDN answers an unauthenticated download with an error, never the file.
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            Interlocked.Increment(ref _mediaDownloads);
            context.Response.ContentType = file.MimeType;
            context.Response.ContentLength = file.Content.Length;
            await context.Response.Body.WriteAsync(file.Content);
            return;
        }

        if (!authorized)
        {
            await WriteErrorAsync(context, new FakeGraphError(401, 190, "Invalid OAuth access token - Cannot parse access token"));
            return;
        }

        if (segments.Length >= 2 && segments[^1] == "message_templates")
        {
            await WriteTemplatesAsync(context, segments[^2]);
            return;
        }

        var mediaId = segments.Length > 0 ? segments[^1] : "";
        (byte[] Content, string MimeType) media;
        bool known;
        lock (_gate)
        {
            known = _media.TryGetValue(mediaId, out media);
        }

        if (!known)
        {
            await WriteErrorAsync(context, new FakeGraphError(400, 100, $"Unsupported get request. Object with ID '{mediaId}' does not exist.", Subcode: 33, Type: "GraphMethodException"));
            return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = $"{Url}/media-download/{mediaId}",
            ["mime_type"] = media.MimeType,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(media.Content)),
            ["file_size"] = media.Content.Length,
            ["id"] = mediaId,
        });
    }

    private int SentCountLocked() => _sentCount;

    private void RecordSentToLocked(FakeGraphRequest request)
    {
        var to = request.To ?? "";
        if (!_sentTo.TryGetValue(to, out var sent))
        {
            _sentTo[to] = sent = [];
        }

        sent.Add(request);
        if (_recipientWaiters.TryGetValue(to, out var waiters))
        {
            foreach (var waiter in waiters.Where(w => sent.Count >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, FakeGraphError error)
    {
        context.Response.StatusCode = error.HttpStatus;
        context.Response.ContentType = "application/json";
        var body = new JsonObject { ["message"] = error.Message, ["type"] = error.Type };
        if (error.Code is not null)
        {
            body["code"] = error.Code;
        }

        if (error.Details is not null)
        {
            body["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = error.Details };
        }

        if (error.Subcode is not null)
        {
            body["error_subcode"] = error.Subcode;
        }

        body["fbtrace_id"] = "A" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        await context.Response.WriteAsync(new JsonObject { ["error"] = body }.ToJsonString(), Encoding.UTF8);
    }
}
