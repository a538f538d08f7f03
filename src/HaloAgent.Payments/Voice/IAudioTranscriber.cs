namespace HaloAgent.Payments.Voice;

/// <summary>Speech to text for customers' voice notes.</summary>
public interface IAudioTranscriber
{
    /// <summary>False when no provider is configured; <see cref="TranscribeAsync"/> then answers NotConfigured without any I/O.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Transcribes <paramref name="audio"/> (WhatsApp gives <c>audio/ogg; codecs=opus</c> for voice notes), converting it
    /// first when the provider would not take the format. Throws <see cref="TranscriptionException"/> when the provider
    /// or ffmpeg fails.
    /// </summary>
    Task<TranscriptionResult> TranscribeAsync(ReadOnlyMemory<byte> audio, string? mimeType, CancellationToken cancellationToken);
}
