namespace HaloAgent.Payments.Voice;

public enum TranscriptionStatus
{
    Transcribed,

    /// <summary>No provider configured: ask the customer to type instead.</summary>
    NotConfigured,

    /// <summary>The provider heard no speech.</summary>
    Empty,
}
