using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace HaloAgent.Payments.Paystack;

/// <summary>
/// Paystack's transaction API over HTTP (typed HttpClient): a payment link per order, and the verify call that must
/// precede marking an order paid. Refusals throw <see cref="PaystackApiException"/> (401 for a wrong key, 5xx
/// transient); network failures surface as <see cref="HttpRequestException"/> or a timeout.
/// </summary>
public sealed class PaystackClient(HttpClient http, IOptionsMonitor<PaystackOptions> options)
{
    /// <summary><c>POST /transaction/initialize</c>: returns the authorization URL to send the customer.</summary>
    public async Task<PaystackInitialization> InitializeAsync(PaystackInitializeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AmountKobo <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.AmountKobo, "A Paystack payment needs a positive amount in kobo.");
        }

        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrWhiteSpace(request.Reference))
        {
            throw new ArgumentException("A Paystack payment needs the customer's email and our reference.", nameof(request));
        }

        var body = new JsonObject
        {
            ["email"] = request.Email,
            ["amount"] = request.AmountKobo,
            ["reference"] = request.Reference,
            ["currency"] = PaystackInitializeRequest.Currency,
        };
        var callbackUrl = request.CallbackUrl ?? options.CurrentValue.CallbackUrl;
        if (!string.IsNullOrWhiteSpace(callbackUrl))
        {
            body["callback_url"] = callbackUrl;
        }

        if (request.Metadata is { Count: > 0 })
        {
            var metadata = new JsonObject();
            foreach (var (key, value) in request.Metadata)
            {
                metadata[key] = value;
            }

            body["metadata"] = metadata;
        }

        using var message = NewRequest(HttpMethod.Post, "transaction/initialize");
        message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var data = await ReadDataAsync(response, "initialize", cancellationToken).ConfigureAwait(false);
        var url = ReadString(data["authorization_url"]);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new PaystackApiException((int)response.StatusCode, "the answer has no data.authorization_url", "initialize");
        }

        return new PaystackInitialization(url, ReadString(data["access_code"]), ReadString(data["reference"]) ?? request.Reference);
    }

    /// <summary><c>GET /transaction/verify/{reference}</c>: the transaction as Paystack has it now.</summary>
    public async Task<PaystackTransaction> VerifyAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        using var message = NewRequest(HttpMethod.Get, "transaction/verify/" + Uri.EscapeDataString(reference));
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var data = await ReadDataAsync(response, "verify", cancellationToken).ConfigureAwait(false);
        try
        {
            return PaystackJson.ReadTransaction(data);
        }
        catch (FormatException e)
        {
            throw new PaystackApiException((int)response.StatusCode, e.Message, "verify");
        }
    }

    /// <summary>Verifies <paramref name="reference"/> and checks it pays <paramref name="expectedAmountKobo"/> in naira.</summary>
    public async Task<PaystackConfirmation> ConfirmAsync(string reference, long expectedAmountKobo, CancellationToken cancellationToken) =>
        PaystackConfirmation.Check(await VerifyAsync(reference, cancellationToken).ConfigureAwait(false), reference, expectedAmountKobo);

    private HttpRequestMessage NewRequest(HttpMethod method, string path)
    {
        var current = options.CurrentValue;
        if (!current.IsConfigured)
        {
            throw new InvalidOperationException($"Paystack is not configured: set {PaystackOptions.Section}:SecretKey.");
        }

        var request = new HttpRequestMessage(method, $"{current.BaseUrl.TrimEnd('/')}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", current.SecretKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>The <c>data</c> object of Paystack's envelope <c>{"status":true,"message":"…","data":{…}}</c>; throws for anything else.</summary>
    private static async Task<JsonObject> ReadDataAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonObject? body = null;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML error page): reported below with the status.
        }

        var message = ReadString(body?["message"]);
        if (!response.IsSuccessStatusCode)
        {
            throw new PaystackApiException(status, message ?? Snippet(text, response.ReasonPhrase), operation);
        }

        if (body is null)
        {
            throw new PaystackApiException(status, "the answer is not a JSON object: " + Snippet(text, response.ReasonPhrase), operation);
        }

        if (body["status"]?.GetValueKind() != JsonValueKind.True)
        {
            throw new PaystackApiException(status, message ?? "status is not true", operation);
        }

        return body["data"] as JsonObject ?? throw new PaystackApiException(status, "the answer has no data object", operation);
    }

    private static string Snippet(string text, string? reason) =>
        string.IsNullOrWhiteSpace(text) ? reason ?? "(empty)" : text.Length > 200 ? text[..200] : text;

    private static string? ReadString(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.ToJsonString(),
        _ => null,
    };
}
