using HaloAgent.Payments.Processes;
using Microsoft.Extensions.Options;

namespace HaloAgent.Payments.Voice;

/// <summary>
/// Converts voice notes with the <c>ffmpeg</c> CLI when the provider would not take them as they are. Files, not pipes:
/// a WAV written to a pipe has no length in its header, which some providers refuse.
/// </summary>
public sealed class AudioConverter(IOptionsMonitor<TranscriptionOptions> options)
{
    public const int WavSampleRate = 16_000;

    /// <summary>The audio as the provider should get it: unchanged when its format is accepted, else 16 kHz mono WAV.</summary>
    public async Task<PreparedAudio> PrepareAsync(ReadOnlyMemory<byte> audio, string? mimeType, CancellationToken cancellationToken)
    {
        if (audio.IsEmpty)
        {
            throw new TranscriptionException("The voice note is empty.", isTransient: false);
        }

        var current = options.CurrentValue;
        var format = AudioFormats.Detect(audio.Span, mimeType);
        if (!current.AlwaysConvert && format is not null && current.Accepts(format))
        {
            return new PreparedAudio(audio.ToArray(), "voice." + format, AudioFormats.MimeType(format), Converted: false);
        }

        return new PreparedAudio(await ToWavAsync(audio, cancellationToken).ConfigureAwait(false), "voice.wav", "audio/wav", Converted: true);
    }

    /// <summary>Any format ffmpeg reads → 16 kHz mono 16-bit PCM WAV (what speech models are trained on).</summary>
    public async Task<byte[]> ToWavAsync(ReadOnlyMemory<byte> audio, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        using var scratch = new TempDirectory();
        var input = scratch.File("input" + (AudioFormats.Detect(audio.Span, null) is { } format ? "." + format : ".bin"));
        var output = scratch.File("output.wav");
        await File.WriteAllBytesAsync(input, audio.ToArray(), cancellationToken).ConfigureAwait(false);

        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-i", input,
            "-vn", "-ac", "1", "-ar", WavSampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:a", "pcm_s16le", "-f", "wav",
            output,
        ];
        var (outcome, result) = await ExternalProcess.RunAsync(current.FfmpegPath, arguments, current.Timeout, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case ProcessOutcome.NotFound:
                throw new TranscriptionException(
                    $"ffmpeg was not found at '{current.FfmpegPath}': install it (apt-get install ffmpeg) or set {TranscriptionOptions.Section}:FfmpegPath.", isTransient: false);
            case ProcessOutcome.TimedOut:
                throw new TranscriptionException($"ffmpeg took longer than {current.Timeout} to convert the voice note.", isTransient: true);
        }

        if (result!.ExitCode != 0 || !File.Exists(output))
        {
            var error = result.StandardError.Trim();
            throw new TranscriptionException(
                $"ffmpeg could not convert the voice note (exit {result.ExitCode}): {(error.Length > 300 ? error[..300] : error)}", isTransient: false);
        }

        return await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
