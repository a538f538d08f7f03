namespace HaloAgent.Payments.Voice;

/// <summary>
/// Bound from configuration section <c>HaloAgent:Transcription</c>: an OpenAI-compatible speech-to-text endpoint (Groq,
/// OpenAI, a local whisper server) and the ffmpeg used to convert voice notes for it.
/// </summary>
public sealed class TranscriptionOptions
{
    public const string Section = "HaloAgent:Transcription";

    public const string DefaultModel = "whisper-large-v3";

    /// <summary>The API root the SDK appends <c>audio/transcriptions</c> to, e.g. https://api.groq.com/openai/v1. Unset: not configured.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Bearer key; may be empty for a local server.</summary>
    public string? ApiKey { get; set; }

    public string Model { get; set; } = DefaultModel;

    /// <summary>Optional ISO-639-1 hint (e.g. <c>en</c>, <c>yo</c>, <c>ha</c>); unset lets the model detect it (Pidgin is not a listed language).</summary>
    public string? Language { get; set; }

    /// <summary>The ffmpeg executable (Debian: <c>apt-get install ffmpeg</c>); a name is looked up on PATH.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>
    /// Comma-separated formats the provider takes as they are. WhatsApp voice notes are OGG/Opus, which OpenAI and Groq
    /// accept; anything else (AMR, AAC, unknown) is converted to 16 kHz mono WAV first.
    /// </summary>
    public string AcceptedFormats { get; set; } = "ogg,mp3,wav,m4a,webm";

    /// <summary>Convert everything to 16 kHz mono WAV (for providers that only take WAV).</summary>
    public bool AlwaysConvert { get; set; }

    /// <summary>One transcription request, and separately one ffmpeg run.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a failed request (5xx, 429, network) inside the SDK.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Providers refuse uploads over 25 MB; WhatsApp audio is at most 16 MB.</summary>
    public int MaxAudioBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>An absolute http(s) base URL and a model.</summary>
    public bool IsConfigured =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrWhiteSpace(Model);

    internal bool Accepts(string format) =>
        AcceptedFormats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(format, StringComparer.OrdinalIgnoreCase);
}
