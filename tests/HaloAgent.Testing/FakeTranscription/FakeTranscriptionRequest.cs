namespace HaloAgent.Testing.FakeTranscription;

/// <summary>
/// One <c>POST …/audio/transcriptions</c> the fake received: the multipart fields (<c>model</c>, <c>language</c>,
/// <c>response_format</c>…), the uploaded file, and the status it answered.
/// </summary>
public sealed record FakeTranscriptionRequest(
    string Path,
    string? Authorization,
    IReadOnlyDictionary<string, string> Fields,
    string? FileName,
    string? FileContentType,
    byte[] File,
    int Status)
{
    public string? Model => Fields.GetValueOrDefault("model");
}
