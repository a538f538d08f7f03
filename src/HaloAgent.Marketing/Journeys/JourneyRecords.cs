namespace HaloAgent.Marketing.Journeys;

/// <summary>
/// One journey message step for one contact: queued (free-form or template) or skipped, and why. Its id is the step's
/// idempotency key, so a re-run step records nothing twice. Queued rows count toward the shared frequency cap.
/// </summary>
public sealed class JourneyMessage
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public required string ContactId { get; set; }

    public required string FlowId { get; set; }

    public required string InstanceId { get; set; }

    public required string NodeId { get; set; }

    /// <summary><see cref="JourneyMessageStatus"/>: queued or skipped.</summary>
    public required string Status { get; set; }

    /// <summary>free_form or template (null when skipped).</summary>
    public string? Mode { get; set; }

    public string? Language { get; set; }

    public string? TemplateName { get; set; }

    /// <summary>Why a step was skipped (<see cref="JourneySkipReasons"/>).</summary>
    public string? Reason { get; set; }

    public long At { get; set; }
}

public static class JourneyMessageStatus
{
    public const string Queued = "queued";
    public const string Skipped = "skipped";
}

public static class JourneySkipReasons
{
    public const string FrequencyCap = "frequency_cap";
    public const string OptedOut = "opted_out";
    public const string NoTemplate = "no_approved_template";
}

/// <summary>A journey's goal reached: the awaited event arrived within the goal's window (one row per instance and goal node).</summary>
public sealed class JourneyConversion
{
    public required string Id { get; set; }

    public required string FlowId { get; set; }

    public required string NodeId { get; set; }

    public required string InstanceId { get; set; }

    public required string ContactId { get; set; }

    public required string EventName { get; set; }

    public long ConvertedAt { get; set; }
}

/// <summary>A contact entering a journey (the re-entry rule reads the last one per flow and contact).</summary>
public sealed class JourneyEntry
{
    /// <summary>The instance that entered.</summary>
    public required string Id { get; set; }

    public required string FlowId { get; set; }

    public required string ContactId { get; set; }

    public long EnteredAt { get; set; }
}
