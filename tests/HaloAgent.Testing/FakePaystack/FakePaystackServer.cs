using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Testing.FakePaystack;

/// <summary>
/// A fake Paystack API on 127.0.0.1 (a free port) that speaks Paystack's transaction protocol: point
/// <c>Paystack:BaseUrl</c> at <see cref="BaseUrl"/> and <c>Paystack:SecretKey</c> at <see cref="SecretKey"/>.
/// <list type="bullet">
/// <item><c>POST /transaction/initialize</c> <c>{email, amount, reference, currency, callback_url?, metadata?}</c> with
/// the bearer secret key → <c>{"status":true,"message":"Authorization URL created","data":{authorization_url,
/// access_code, reference}}</c>; the transaction is then <c>ongoing</c>.</item>
/// <item><c>GET /transaction/verify/{reference}</c> → the transaction in Paystack's shape; 400 for an unknown reference.</item>
/// <item>A wrong or missing key answers 401 <c>{"status":false,"message":"Invalid key"}</c>; <see cref="FailNext"/>
/// scripts 5xx answers.</item>
/// <item><see cref="MarkPaid"/>, <see cref="SetStatus"/> and <see cref="AddTransaction"/> program what verify reports;
/// <see cref="ChargeSuccess"/> builds and signs the matching <c>charge.success</c> webhook.</item>
/// </list>
/// </summary>
/// <example>
/// <code>
/// await using var paystack = await FakePaystackServer.StartAsync();
/// config["Paystack:BaseUrl"] = paystack.BaseUrl; config["Paystack:SecretKey"] = paystack.SecretKey;
/// ... initialize HLO-7K2Q9 for 1_800_000 kobo ...
/// paystack.MarkPaid("HLO-7K2Q9");
/// using var response = await http.SendAsync(paystack.ChargeSuccess("HLO-7K2Q9").ToRequest(webhookUrl));
/// </code>
/// </example>
public sealed class FakePaystackServer : IAsyncDisposable
{
    public const string DefaultSecretKey = "sk_test_fakepaystack0000000000000000000000";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<FakePaystackRequest> _requests = [];
    private readonly Dictionary<string, FakePaystackTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly Queue<int> _failures = new();
    private long _nextId = 4_099_260_000;

    private FakePaystackServer(WebApplication app, string secretKey)
    {
        _app = app;
        SecretKey = secretKey;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234</c> (Paystack has no version segment).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The only bearer key the fake accepts, and the key webhooks are signed with.</summary>
    public string SecretKey { get; }

    /// <summary>Defaults to now; set to make <c>paid_at</c> deterministic.</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<FakePaystackRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public static async Task<FakePaystackServer> StartAsync(string secretKey = DefaultSecretKey)
    {
        var app = LoopbackHost.Create();
        var server = new FakePaystackServer(app, secretKey);
        app.MapPost("/transaction/initialize", server.InitializeAsync);
        app.MapGet("/transaction/verify/{reference}", server.VerifyAsync);
        server.BaseUrl = await LoopbackHost.StartAsync(app).ConfigureAwait(false);
        return server;
    }

    /// <summary>The transaction for <paramref name="reference"/>, or null.</summary>
    public FakePaystackTransaction? Transaction(string reference)
    {
        lock (_gate)
        {
            return _transactions.GetValueOrDefault(reference);
        }
    }

    /// <summary>Adds (or replaces) a transaction as if it had been initialized elsewhere.</summary>
    public FakePaystackTransaction AddTransaction(string reference, long amountKobo, string status = "ongoing", string currency = "NGN", string email = "customer@example.com")
    {
        var transaction = new FakePaystackTransaction(Interlocked.Increment(ref _nextId), reference, email, amountKobo, currency, status, NewAccessCode(), Now);
        lock (_gate)
        {
            _transactions[reference] = transaction;
        }

        return transaction;
    }

    /// <summary>
    /// The customer paid: status <c>success</c>, <c>paid_at</c> = <see cref="Now"/>. <paramref name="amountKobo"/> and
    /// <paramref name="currency"/> override what was initialized (to test mismatches).
    /// </summary>
    public FakePaystackTransaction MarkPaid(string reference, long? amountKobo = null, string? currency = null) =>
        Update(reference, t => t with
        {
            Status = "success",
            GatewayResponse = "Successful",
            PaidAt = Now,
            AmountKobo = amountKobo ?? t.AmountKobo,
            Currency = currency ?? t.Currency,
        });

    /// <summary>Sets Paystack's status word (<c>failed</c>, <c>abandoned</c>, <c>reversed</c>…) and gateway response.</summary>
    public FakePaystackTransaction SetStatus(string reference, string status, string? gatewayResponse = null) =>
        Update(reference, t => t with { Status = status, GatewayResponse = gatewayResponse ?? t.GatewayResponse });

    /// <summary>The next <paramref name="count"/> calls (any endpoint) answer <paramref name="httpStatus"/> (e.g. 500, 503).</summary>
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

    /// <summary>
    /// A signed <c>charge.success</c> webhook for the transaction as the fake holds it (call <see cref="MarkPaid"/>
    /// first), or for the given values when the reference is unknown to the fake.
    /// </summary>
    public FakePaystackWebhook ChargeSuccess(string reference, long? amountKobo = null, string? currency = null, string? signWith = null)
    {
        var transaction = Transaction(reference)
            ?? new FakePaystackTransaction(Interlocked.Increment(ref _nextId), reference, "customer@example.com", amountKobo ?? 0, currency ?? "NGN", "success", NewAccessCode(), Now, Now, "Successful");
        var data = TransactionJson(transaction with
        {
            AmountKobo = amountKobo ?? transaction.AmountKobo,
            Currency = currency ?? transaction.Currency,
            Status = "success",
            PaidAt = transaction.PaidAt ?? Now,
        });
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["event"] = "charge.success", ["data"] = data }.ToJsonString());
        return Sign(body, signWith ?? SecretKey);
    }

    /// <summary>Signs any body (e.g. malformed JSON) the way Paystack signs webhooks.</summary>
    public static FakePaystackWebhook Sign(byte[] body, string secretKey) => new(body, Signature(secretKey, body));

    /// <summary>Hex HMAC-SHA512(secret key, body), lower case.</summary>
    public static string Signature(string secretKey, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secretKey), body));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task InitializeAsync(HttpContext context)
    {
        JsonObject? body = null;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            // Answered below as Paystack answers a body it cannot read.
        }

        if (await RefuseAsync(context, body))
        {
            return;
        }

        var email = Text(body?["email"]);
        var reference = Text(body?["reference"]) ?? "T" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var currency = Text(body?["currency"]) ?? "NGN";
        long amount = 0;
        var amountNode = body?["amount"];
        var amountValid = amountNode?.GetValueKind() switch
        {
            JsonValueKind.Number => amountNode.AsValue().TryGetValue(out amount),
            JsonValueKind.String => long.TryParse(amountNode.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out amount),
            _ => false,
        };

        string? problem = body is null ? "Invalid request body"
            : string.IsNullOrWhiteSpace(email) ? "Email is required"
            : !amountValid || amount <= 0 ? "Invalid Amount Sent"
            : currency != "NGN" ? "Currency not supported by merchant"
            : null;
        FakePaystackTransaction? transaction = null;
        lock (_gate)
        {
            if (problem is null && _transactions.ContainsKey(reference))
            {
                problem = "Duplicate Transaction Reference";
            }

            if (problem is null)
            {
                transaction = new FakePaystackTransaction(Interlocked.Increment(ref _nextId), reference, email!, amount, currency, "ongoing", NewAccessCode(), Now);
                _transactions[reference] = transaction;
            }

            Record(context, body, problem is null ? 200 : 400);
        }

        if (transaction is null)
        {
            await WriteAsync(context, 400, new JsonObject { ["status"] = false, ["message"] = problem });
            return;
        }

        await WriteAsync(context, 200, new JsonObject
        {
            ["status"] = true,
            ["message"] = "Authorization URL created",
            ["data"] = new JsonObject
            {
                ["authorization_url"] = $"{BaseUrl}/checkout/{transaction.AccessCode}",
                ["access_code"] = transaction.AccessCode,
                ["reference"] = transaction.Reference,
            },
        });
    }

    private async Task VerifyAsync(HttpContext context, string reference)
    {
        if (await RefuseAsync(context, null))
        {
            return;
        }

        FakePaystackTransaction? transaction;
        lock (_gate)
        {
            transaction = _transactions.GetValueOrDefault(reference);
            Record(context, null, transaction is null ? 400 : 200);
        }

        if (transaction is null)
        {
            await WriteAsync(context, 400, new JsonObject { ["status"] = false, ["message"] = "Transaction reference not found" });
            return;
        }

        await WriteAsync(context, 200, new JsonObject
        {
            ["status"] = true,
            ["message"] = "Verification successful",
            ["data"] = TransactionJson(transaction),
        });
    }

    /// <summary>Scripted failures and the bearer check, in that order; true when the request was answered here.</summary>
    private async Task<bool> RefuseAsync(HttpContext context, JsonObject? body)
    {
        int? status = null;
        string message = "";
        lock (_gate)
        {
            if (_failures.Count > 0)
            {
                status = _failures.Dequeue();
                message = "An error occurred";
            }
            else if (context.Request.Headers.Authorization.ToString() != $"Bearer {SecretKey}")
            {
                status = StatusCodes.Status401Unauthorized;
                message = "Invalid key";
            }

            if (status is { } refused)
            {
                Record(context, body, refused);
            }
        }

        if (status is null)
        {
            return false;
        }

        await WriteAsync(context, status.Value, new JsonObject { ["status"] = false, ["message"] = message });
        return true;
    }

    private void Record(HttpContext context, JsonObject? body, int status)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        _requests.Add(new FakePaystackRequest(context.Request.Method, context.Request.Path.Value ?? "", authorization.Length == 0 ? null : authorization, body, status));
    }

    private FakePaystackTransaction Update(string reference, Func<FakePaystackTransaction, FakePaystackTransaction> change)
    {
        lock (_gate)
        {
            if (!_transactions.TryGetValue(reference, out var transaction))
            {
                throw new InvalidOperationException($"The fake Paystack has no transaction '{reference}': initialize it or call AddTransaction first.");
            }

            return _transactions[reference] = change(transaction);
        }
    }

    private static JsonObject TransactionJson(FakePaystackTransaction t) => new()
    {
        ["id"] = t.Id,
        ["domain"] = "test",
        ["status"] = t.Status,
        ["reference"] = t.Reference,
        ["amount"] = t.AmountKobo,
        ["message"] = null,
        ["gateway_response"] = t.GatewayResponse,
        ["paid_at"] = t.PaidAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["created_at"] = t.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["channel"] = t.Channel,
        ["currency"] = t.Currency,
        ["fees"] = Math.Min(200_000, t.AmountKobo * 15 / 1000),
        ["metadata"] = "",
        ["customer"] = new JsonObject { ["id"] = 84312, ["email"] = t.Email, ["customer_code"] = "CUS_fake" + (t.Id % 100_000).ToString(CultureInfo.InvariantCulture) },
    };

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    private static string NewAccessCode() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
