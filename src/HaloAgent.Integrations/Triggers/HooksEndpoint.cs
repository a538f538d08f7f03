using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Values;
using HaloAgent.Integrations.Webhooks;
using HaloAgent.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace HaloAgent.Integrations.Triggers;

/// <summary>
/// <c>POST /hooks/{businessId}/{name}</c>: another tool (n8n, Zapier, Make) starts or resumes the business's journeys.
/// The caller proves it holds the trigger's secret, either as <c>X-Halo-Secret</c> or by signing the raw body
/// (<c>X-Halo-Signature: sha256=HEX(HMAC-SHA256(secret, body))</c>); both compared in constant time. The JSON body is
/// raised as the engine event <c>hook.{name}</c> for that business. Answers: 202 raised, 404 no such trigger, 413 body
/// too large, 401 wrong or missing secret, 400 not JSON.
/// </summary>
public static class HooksEndpoint
{
    public const string SecretHeader = "X-Halo-Secret";
    public const string CorrelationHeader = "X-Halo-Correlation-Key";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string PathOf(IncomingTrigger trigger) => $"/hooks/{trigger.BusinessId}/{trigger.Name}";

    public static IEndpointRouteBuilder MapIntegrationHooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{business}/{name}", HandleAsync).WithTags("Integrations").AllowAnonymous();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        string business, string name, HttpRequest request, TriggerStore triggers, IntegrationSecrets secrets, IEventPublisher events,
        IOptionsMonitor<IntegrationsOptions> options,
        CancellationToken ct)
    {
        var trigger = await triggers.FindByNameAsync(business, name, ct);
        if (trigger is null)
        {
            return Problem(StatusCodes.Status404NotFound, "There is no such trigger.");
        }

        var limit = options.CurrentValue.MaxTriggerBodyBytes;
        if (request.ContentLength > limit)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes.");
        }

        var body = await ReadBoundedAsync(request.Body, limit, ct);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes.");
        }

        if (!Authorised(secrets.Unprotect(trigger.Secret), request, body))
        {
            return Problem(StatusCodes.Status401Unauthorized, $"Send the trigger's secret in {SecretHeader}, or sign the body in {WebhookSignature.Header}.");
        }

        JsonNode? json;
        try
        {
            json = body.Length == 0 ? new JsonObject() : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not JSON.");
        }

        var key = request.Headers[CorrelationHeader].ToString() is { Length: > 0 and <= 200 } header ? header
            : json is JsonObject o && o["correlationKey"] is JsonValue v && v.TryGetValue<string>(out var fromBody) && fromBody.Length is > 0 and <= 200 ? fromBody
            : RowIds.New();
        // A caller that retries with the same Idempotency-Key raises the event once (the engine recognises the id).
        var eventId = request.Headers[IdempotencyHeader].ToString() is { Length: > 0 and <= 200 } idempotency
            ? $"hook:{trigger.Id}:{idempotency}"
            : RowIds.New();
        await events.PublishAsync(trigger.BusinessId, TriggerStore.EventName(trigger.Name), key, PlainValue.FromJson(json), eventId, ct);
        await triggers.TouchAsync(trigger.Id, ct);
        return Results.Accepted(value: new { eventId, @event = TriggerStore.EventName(trigger.Name), correlationKey = key });
    }

    private static bool Authorised(string secret, HttpRequest request, byte[] body)
    {
        var expected = Encoding.UTF8.GetBytes(secret);
        if (request.Headers[SecretHeader].ToString() is { Length: > 0 } given
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(expected)))
        {
            return true;
        }

        return WebhookSignature.Verify(secret, body, request.Headers[WebhookSignature.Header].ToString() is { Length: > 0 } s ? s : null);
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Problem(int status, string detail) => Results.Problem(statusCode: status, detail: detail);
}
