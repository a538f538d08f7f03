using System.Text;
using HaloAgent.Agent.Activities.Payments;
using HaloAgent.Payments.Paystack;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Apis;

/// <summary>
/// <c>POST /webhooks/paystack</c>: the signature (HMAC-SHA512 of the raw body with the secret key) is checked before
/// anything is read (401 when it is missing or wrong), the event is stored and deduplicated, and a charge is verified
/// with Paystack before the order is marked paid. 200 for everything handled (including a redelivery or an unknown
/// reference, which are logged, not retried); 500 when Paystack's verify call failed, so Paystack delivers it again.
/// </summary>
public static class PaystackWebhookEndpoints
{
    /// <summary>Paystack's events are a few kilobytes; anything far larger is not from Paystack.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapPaystackWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/paystack", async (HttpContext http, IOptionsMonitor<PaystackOptions> options, PaystackPaymentProcessor processor, CancellationToken ct) =>
        {
            var body = await ReadBodyAsync(http.Request, ct);
            if (body is null)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            if (!PaystackSignature.IsValid(options.CurrentValue.SecretKey, http.Request.Headers[PaystackSignature.Header].FirstOrDefault(), body))
            {
                return Results.Json(new ApiProblem(401, "Unauthorized.", $"Missing or invalid {PaystackSignature.Header}.", null), statusCode: 401);
            }

            PaystackWebhookEvent webhook;
            try
            {
                webhook = PaystackWebhookEvent.Parse(body);
            }
            catch (PaystackWebhookFormatException e)
            {
                return Results.Json(new ApiProblem(400, "The request is malformed.", e.Message, null), statusCode: 400);
            }

            var outcome = await processor.ProcessAsync(webhook, Encoding.UTF8.GetString(body), ct);
            return outcome == PaystackWebhookOutcome.Failed
                ? Results.Json(new ApiProblem(500, "Not processed yet.", "Paystack could not be reached to verify the transaction; deliver it again.", null), statusCode: 500)
                : Results.Ok(new { received = true, outcome = outcome.ToString() });
        }).WithTags("Webhooks");

        return app;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
