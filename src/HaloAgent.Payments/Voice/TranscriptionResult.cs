namespace HaloAgent.Payments.Voice;

/// <summary>What a voice note said (<see cref="Text"/> when <see cref="Status"/> is Transcribed).</summary>
public sealed record TranscriptionResult(TranscriptionStatus Status, string? Text, string? Language = null)
{
    public static TranscriptionResult NotConfigured { get; } = new(TranscriptionStatus.NotConfigured, null);

    public static TranscriptionResult Empty { get; } = new(TranscriptionStatus.Empty, null);

    public bool IsTranscribed => Status == TranscriptionStatus.Transcribed;
}
