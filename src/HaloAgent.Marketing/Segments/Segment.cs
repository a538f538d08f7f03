namespace HaloAgent.Marketing.Segments;

/// <summary>A saved audience: a name and a filter (<see cref="Platform.Audience.AudienceFilter"/> as JSON), reused by broadcasts and flows.</summary>
public sealed class Segment
{
    public required string Id { get; set; }

    public required string BusinessId { get; set; }

    public required string Name { get; set; }

    /// <summary>The filter as JSON; validated before it is stored.</summary>
    public required string Filter { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }
}
