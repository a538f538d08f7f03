namespace HaloAgent.Agent.Activities.Payments;

/// <summary>A downloaded file, or why there is none (<see cref="Error"/>).</summary>
public sealed record MediaFetch(byte[]? Bytes, string? MimeType, string? Error)
{
    public static MediaFetch Failed(string error) => new(null, null, error);
}
