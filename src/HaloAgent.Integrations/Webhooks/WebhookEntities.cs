namespace HaloAgent.Integrations.Webhooks;

/// <summary>A business's subscription: which events are POSTed to which URL, signed with its own secret.</summary>
public sealed class WebhookSubscription
{
    public string Id { get; set; } = "";

    public string BusinessId { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>Webhook event names, comma-separated (see <see cref="WebhookEvents"/>).</summary>
    public string Events { get; set; } = "";

    /// <summary>The signing secret, encrypted (<see cref="IntegrationSecrets"/>).</summary>
    public string Secret { get; set; } = "";

    public bool Active { get; set; } = true;

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>One event to deliver to one subscription: the queue row (due time, lease) and its outcome.</summary>
public sealed class WebhookDelivery
{
    public string Id { get; set; } = "";

    public string BusinessId { get; set; } = "";

    public string SubscriptionId { get; set; } = "";

    public string EventName { get; set; } = "";

    public string EventId { get; set; } = "";

    /// <summary>The exact bytes (UTF-8) that are signed and sent on every attempt.</summary>
    public string Body { get; set; } = "";

    public string Status { get; set; } = DeliveryStatus.Pending;

    /// <summary>Attempts in the current round (a re-send starts a new round).</summary>
    public int Attempts { get; set; }

    public long NextAttemptAt { get; set; }

    public long? LeaseUntil { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public long CreatedAt { get; set; }

    public long? DeliveredAt { get; set; }
}

/// <summary>One POST of a delivery: the log the owner reads (status, the start of the answer, or why it failed).</summary>
public sealed class WebhookAttempt
{
    public string Id { get; set; } = "";

    public string DeliveryId { get; set; } = "";

    public int Number { get; set; }

    public long At { get; set; }

    public int? StatusCode { get; set; }

    public string? ResponseBody { get; set; }

    public string? Error { get; set; }

    public long DurationMs { get; set; }
}

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
