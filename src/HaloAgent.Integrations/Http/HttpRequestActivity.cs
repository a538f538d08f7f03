using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Validation;
using HaloAgent.Engine.Values;
using Microsoft.Extensions.Options;

namespace HaloAgent.Integrations.Http;

/// <summary>
/// Calls another system from a flow (n8n, Zapier, Make, a CRM). Every text input is a template rendered by the engine.
/// A 2xx answer goes on by Success and a 4xx by Failed (retrying would get the same answer); a 5xx, 408, 429, a timeout
/// or a broken connection throws, so the node's retry policy retries it and an incident opens when retries run out.
/// </summary>
public sealed class HttpRequestActivity(GuardedHttp http, IOptionsMonitor<IntegrationsOptions> options) : Activity
{
    public const string Success = "Success";
    public const string Failed = "Failed";
    public const int DefaultTimeoutSeconds = 10;
    public const string IdempotencyHeader = "Idempotency-Key";

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    // Set by the client library or the framing; a flow setting them would confuse the server or smuggle a request.
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Upgrade", "Expect", "TE", "Trailer", "Proxy-Authorization",
    };

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "HttpRequest",
        DisplayName = "HTTP request",
        Category = "Integrations",
        Description = "Calls a URL (e.g. an n8n or Zapier webhook). 2xx goes on by Success, 4xx by Failed; 5xx, timeouts and network errors are retried by the node's retry policy. Sends Idempotency-Key (the same on every retry) unless the headers set one.",
        Inputs =
        [
            new InputDescriptor("method", InputKind.Select) { DisplayName = "Method", Options = Methods, Default = JsonValue.Create("POST") },
            new InputDescriptor("url", InputKind.Text) { DisplayName = "URL", Required = true, Description = "An absolute http(s) URL; may use {{…}} placeholders." },
            new InputDescriptor("headers", InputKind.Text)
            {
                DisplayName = "Headers", UiHint = "multiline", Description = "One 'Name: value' per line, e.g. 'Authorization: Bearer …'.",
            },
            new InputDescriptor("body", InputKind.Text)
            {
                DisplayName = "JSON body", UiHint = "multiline", Description = "A JSON document, e.g. {\"order\": \"{{event.number}}\"}; sent as application/json.",
            },
            new InputDescriptor("timeout", InputKind.Number) { DisplayName = "Timeout (seconds)", Default = JsonValue.Create(DefaultTimeoutSeconds), Description = "1 to 30." },
            new InputDescriptor("variable", InputKind.VariableName) { DisplayName = "Store response in", Description = "A variable that receives { status, body, json }." },
        ],
        Outputs = [new OutputDescriptor("status", "number"), new OutputDescriptor("body", "string"), new OutputDescriptor("json", "object?", "The body parsed, when it is JSON.")],
        Outcomes = [Success, Failed],
    };

    public override IEnumerable<ValidationError> Validate(FlowNode node)
    {
        var url = Engine.Activities.Core.StartActivity.NodeText(node, "url");
        if (url is not null && !url.Contains("{{", StringComparison.Ordinal))
        {
            string? error = null;
            try
            {
                GuardedHttp.ParseUrl(url, httpsOnly: false);
            }
            catch (OutboundTargetException ex)
            {
                error = ex.Message;
            }

            if (error is not null)
            {
                yield return new ValidationError(node.Id, "url", error);
            }
        }

        if (node.Inputs.GetValueOrDefault("timeout") is JsonValue timeout && timeout.TryGetValue<decimal>(out var seconds) && seconds is < 1 or > 30)
        {
            yield return new ValidationError(node.Id, "timeout", "The timeout must be between 1 and 30 seconds.");
        }

        if (Engine.Activities.Core.StartActivity.NodeText(node, "headers") is { } headers)
        {
            foreach (var line in Lines(headers).Where(l => !l.Contains("{{", StringComparison.Ordinal)))
            {
                if (HeaderError(line) is { } error)
                {
                    yield return new ValidationError(node.Id, "headers", error);
                }
            }
        }

        var body = Engine.Activities.Core.StartActivity.NodeText(node, "body");
        if (!string.IsNullOrWhiteSpace(body) && !body.Contains("{{", StringComparison.Ordinal) && !IsJson(body))
        {
            yield return new ValidationError(node.Id, "body", "The body is not valid JSON.");
        }
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var method = (context.Text("method") ?? "POST").ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            throw new InvalidOperationException($"'{method}' is not a supported method ({string.Join(", ", Methods)}).");
        }

        var url = GuardedHttp.ParseUrl(context.Text("url"), httpsOnly: false);
        var headers = ParseHeaders(context.Text("headers"));
        var body = context.Text("body");
        if (!string.IsNullOrWhiteSpace(body) && !IsJson(body))
        {
            throw new InvalidOperationException("The rendered body is not valid JSON (check the placeholders: text values need quotes around them).");
        }

        var seconds = context.Input<decimal?>("timeout") ?? DefaultTimeoutSeconds;
        var timeout = TimeSpan.FromSeconds((double)Math.Clamp(seconds, 1, 30));
        if (timeout > options.CurrentValue.MaxRequestTimeout)
        {
            timeout = options.CurrentValue.MaxRequestTimeout;
        }

        var response = await http.SendAsync(target =>
        {
            var request = new HttpRequestMessage(new HttpMethod(method), target);
            if (!string.IsNullOrWhiteSpace(body) && method != "GET")
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            foreach (var (name, value) in headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }

            // The step's key is the same on every retry and re-run, so a receiver that dedupes on it acts once.
            if (!headers.Any(h => h.Name.Equals(IdempotencyHeader, StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(IdempotencyHeader, context.IdempotencyKey);
            }

            return request;
        }, url, timeout, cancellationToken);

        if (response.Status >= 500 || response.Status is 408 or 429)
        {
            throw new HttpRequestException($"{method} {url.GetLeftPart(UriPartial.Path)} answered {response.Status}.");
        }

        var output = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["status"] = (decimal)response.Status,
            ["body"] = response.Body,
            ["truncated"] = response.Truncated,
            ["json"] = !response.Truncated && TryParse(response.Body) is { } json ? PlainValue.FromJson(json) : null,
        };
        if (context.Text("variable") is { Length: > 0 } variable)
        {
            context.Variables[variable] = PlainValue.Clone(output);
        }

        return ActivityResult.Outcome(response.Status is >= 200 and < 300 ? Success : Failed, output);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static string? HeaderError(string line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return $"'{line}' is not a header: write 'Name: value'.";
        }

        var name = line[..colon].Trim();
        if (name.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c)))
        {
            return $"'{name}' is not a valid header name.";
        }

        return ReservedHeaders.Contains(name) ? $"The header '{name}' is set by the server and cannot be chosen." : null;
    }

    private static List<(string Name, string Value)> ParseHeaders(string? text)
    {
        var headers = new List<(string, string)>();
        foreach (var line in Lines(text ?? ""))
        {
            if (HeaderError(line) is { } error)
            {
                throw new InvalidOperationException(error);
            }

            var colon = line.IndexOf(':');
            var value = line[(colon + 1)..].Trim();
            if (value.Any(c => c is '\r' or '\n' or '\0'))
            {
                throw new InvalidOperationException($"The value of header '{line[..colon]}' has a line break.");
            }

            headers.Add((line[..colon].Trim(), value));
        }

        return headers;
    }

    private static bool IsJson(string text) => TryParse(text) is not null || text.Trim() == "null";

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
