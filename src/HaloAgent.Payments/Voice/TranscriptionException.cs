namespace HaloAgent.Payments.Voice;

/// <summary>The provider or the conversion failed; <see cref="IsTransient"/> when a later retry may succeed (5xx, 429, network, timeout).</summary>
public sealed class TranscriptionException(string message, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}
