using Dapper;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Values;
using HaloAgent.Platform.Identity;

namespace HaloAgent.Integrations.Webhooks;

/// <summary>
/// Turns a business's engine events into webhook deliveries, in the transaction that stores the event: a delivery
/// exists exactly when its event does, and a redelivered event (same id) queues nothing new.
/// </summary>
public sealed class WebhookEnqueuer(WebhookSignal signal) : IRaisedEventHandler
{
    public async Task HandleAsync(WriteScope scope, string eventId, EventRequest request, long now)
    {
        if (WebhookEvents.ForEngineEvent(request.Name) is not { } name || request.Tenant is not { } businessId)
        {
            return;
        }

        var subscriptions = await scope.Connection.QueryAsync<(string Id, string Events)>(scope.Command(
            "SELECT id, events FROM integration_webhooks WHERE business_id = @BusinessId AND active = @Active",
            new { BusinessId = businessId, Active = true }));
        var queued = false;
        foreach (var (id, events) in subscriptions)
        {
            if (!events.Split(',').Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            var deliveryId = RowIds.New();
            var body = PlainValue.Serialize(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = deliveryId,
                ["event"] = name,
                ["businessId"] = businessId,
                ["occurredAt"] = DateTimeOffset.FromUnixTimeMilliseconds(now).ToString("O"),
                ["data"] = request.Payload,
            });
            await scope.Connection.ExecuteAsync(scope.Command(
                """
                INSERT INTO integration_webhook_deliveries
                  (id, business_id, subscription_id, event_name, event_id, body, status, attempts, next_attempt_at, lease_until, last_status_code, last_error, created_at, delivered_at)
                VALUES (@Id, @BusinessId, @SubscriptionId, @EventName, @EventId, @Body, @Status, 0, @Now, NULL, NULL, NULL, @Now, NULL)
                """,
                new { Id = deliveryId, BusinessId = businessId, SubscriptionId = id, EventName = name, EventId = eventId, Body = body, Status = DeliveryStatus.Pending, Now = now }));
            queued = true;
        }

        if (queued)
        {
            // Before the commit: a sender woken early finds nothing yet and polls again; nothing is lost.
            signal.Notify();
        }
    }
}
