using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Integrations.Http;
using HaloAgent.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Integrations.Webhooks;

/// <summary>
/// Sends due deliveries. A delivery is claimed by a conditional update of its lease, so two nodes never send the same
/// attempt; a node that dies mid-send leaves the lease to run out and another node sends it again (receivers dedupe
/// on the delivery id in the body and <c>X-Halo-Delivery</c>). Failures back off exponentially up to a bounded number
/// of attempts; every attempt is logged with the status and the start of the answer. Writes take the SQLite write gate
/// (as every writer does); the HTTP call itself runs outside it.
/// </summary>
public sealed class WebhookSender(
    IDbContextFactory<IntegrationsDbContext> databases, SqlDialect dialect, GuardedHttp http, IntegrationSecrets secrets,
    IOptionsMonitor<IntegrationsOptions> options, TimeProvider clock)
{
    public const int BatchSize = 20;

    /// <summary>How much of a receiver's answer the log keeps.</summary>
    public const int LoggedResponseChars = 4096;

    /// <summary>One pass; true when a full batch was due (more may be waiting).</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        List<string> due;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Deliveries
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
                .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            await SendAsync(id, cancellationToken);
        }

        return due.Count == BatchSize;
    }

    private async Task SendAsync(string id, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseUntil = now + (long)settings.DeliveryLease.TotalMilliseconds;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        int claimed;
        using (await dialect.EnterWriteAsync(cancellationToken))
        {
            claimed = await db.Deliveries
                .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, leaseUntil), cancellationToken);
        }

        if (claimed == 0)
        {
            return;
        }

        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id, cancellationToken);
        var subscription = await db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == delivery.SubscriptionId, cancellationToken);
        var attempt = new WebhookAttempt { Id = RowIds.New(), DeliveryId = id, Number = delivery.Attempts + 1, At = now };
        var watch = Stopwatch.StartNew();
        var permanent = false;
        if (subscription is not { Active: true })
        {
            attempt.Error = subscription is null ? "The webhook was deleted." : "The webhook is paused.";
            permanent = true;
        }
        else
        {
            try
            {
                var response = await PostAsync(subscription, delivery, settings, cancellationToken);
                attempt.StatusCode = response.Status;
                attempt.ResponseBody = response.Body.Length > LoggedResponseChars ? response.Body[..LoggedResponseChars] : response.Body;
                if (response.Status is < 200 or >= 300)
                {
                    attempt.Error = $"The receiver answered {response.Status}.";
                }
            }
            catch (OutboundTargetException ex)
            {
                attempt.Error = ex.Message;
                permanent = true;
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or IOException)
            {
                attempt.Error = ex.Message;
            }
        }

        attempt.DurationMs = watch.ElapsedMilliseconds;
        delivery.Attempts = attempt.Number;
        delivery.LastStatusCode = attempt.StatusCode;
        delivery.LastError = attempt.Error;
        delivery.LeaseUntil = null;
        if (attempt.Error is null)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        }
        else if (permanent || delivery.Attempts >= settings.MaxDeliveryAttempts)
        {
            delivery.Status = DeliveryStatus.Failed;
        }
        else
        {
            delivery.NextAttemptAt = clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)Backoff(delivery.Attempts, settings).TotalMilliseconds;
        }

        db.Attempts.Add(attempt);
        using (await dialect.EnterWriteAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempts"/>: the first delay, doubling, capped.</summary>
    public static TimeSpan Backoff(int attempts, IntegrationsOptions settings)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromMilliseconds(settings.FirstRetryDelay.TotalMilliseconds * factor);
        return delay > settings.MaxRetryDelay ? settings.MaxRetryDelay : delay;
    }

    private Task<GuardedResponse> PostAsync(WebhookSubscription subscription, WebhookDelivery delivery, IntegrationsOptions settings, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var signature = WebhookSignature.Sign(secrets.Unprotect(subscription.Secret), body);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var url = GuardedHttp.ParseUrl(subscription.Url, httpsOnly: !settings.AllowPrivateTargets);
        // Redirects are not followed: they would send the signed event where the owner never said (a 3xx is a failed attempt).
        return http.SendAsync(target =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signature);
            request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp);
            request.Headers.TryAddWithoutValidation(WebhookSignature.EventHeader, delivery.EventName);
            request.Headers.TryAddWithoutValidation(WebhookSignature.DeliveryHeader, delivery.Id);
            request.Headers.UserAgent.ParseAdd("HaloAgent-Webhooks/1.0");
            return request;
        }, url, settings.DeliveryTimeout, cancellationToken, followRedirects: false);
    }
}
