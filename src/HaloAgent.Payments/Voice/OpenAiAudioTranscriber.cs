using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Audio;

namespace HaloAgent.Payments.Voice;

/// <summary>
/// Transcribes through an OpenAI-compatible <c>POST {BaseUrl}/audio/transcriptions</c> (multipart <c>file</c> and
/// <c>model</c>; answer <c>{"text":…}</c>) with the official OpenAI SDK, so Groq, OpenAI or a local whisper server
/// differ only in configuration.
/// </summary>
public sealed class OpenAiAudioTranscriber(AudioConverter converter, IOptionsMonitor<TranscriptionOptions> options) : IAudioTranscriber
{
    private readonly Lock _gate = new();
    private (ClientKey Key, AudioClient Client)? _cached;

    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public async Task<TranscriptionResult> TranscribeAsync(ReadOnlyMemory<byte> audio, string? mimeType, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (!current.IsConfigured)
        {
            return TranscriptionResult.NotConfigured;
        }

        if (audio.Length > current.MaxAudioBytes)
        {
            throw new TranscriptionException($"The voice note is {audio.Length:N0} bytes; the limit is {current.MaxAudioBytes:N0}.", isTransient: false);
        }

        var prepared = await converter.PrepareAsync(audio, mimeType, cancellationToken).ConfigureAwait(false);
        var request = new AudioTranscriptionOptions { ResponseFormat = AudioTranscriptionFormat.Simple };
        if (!string.IsNullOrWhiteSpace(current.Language))
        {
            request.Language = current.Language;
        }

        AudioTranscription transcription;
        try
        {
            using var stream = new MemoryStream(prepared.Content, writable: false);
            transcription = (await ClientFor(current).TranscribeAudioAsync(stream, prepared.FileName, request, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (ClientResultException e)
        {
            // Status 0: no HTTP answer at all (connection refused, DNS).
            var transient = e.Status is 0 or 408 or 429 or >= 500;
            throw new TranscriptionException($"The transcription provider failed (HTTP {e.Status}): {e.Message}", transient, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TranscriptionException($"The transcription provider did not answer within {current.Timeout}.", isTransient: true, e);
        }
        catch (HttpRequestException e)
        {
            throw new TranscriptionException($"The transcription provider could not be reached: {e.Message}", isTransient: true, e);
        }

        var text = transcription.Text?.Trim();
        return string.IsNullOrEmpty(text) ? TranscriptionResult.Empty : new TranscriptionResult(TranscriptionStatus.Transcribed, text, transcription.Language);
    }

    /// <summary>One SDK client (and so one HTTP connection pool) per configuration, rebuilt when the options change.</summary>
    private AudioClient ClientFor(TranscriptionOptions current)
    {
        var key = new ClientKey(current.BaseUrl!, current.ApiKey, current.Model, current.Timeout, current.MaxRetries);
        lock (_gate)
        {
            if (_cached is { } cached && cached.Key == key)
            {
                return cached.Client;
            }

            var client = new AudioClient(
                current.Model,
                new ApiKeyCredential(string.IsNullOrWhiteSpace(current.ApiKey) ? "no-key" : current.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(current.BaseUrl!),
                    NetworkTimeout = current.Timeout,
                    RetryPolicy = new ClientRetryPolicy(Math.Max(0, current.MaxRetries)),
                });
            _cached = (key, client);
            return client;
        }
    }

    private sealed record ClientKey(string BaseUrl, string? ApiKey, string Model, TimeSpan Timeout, int MaxRetries);
}
