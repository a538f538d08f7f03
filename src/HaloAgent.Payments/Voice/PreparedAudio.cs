namespace HaloAgent.Payments.Voice;

/// <summary>Audio ready to upload: the bytes, a file name whose extension tells the provider the format, and whether ffmpeg made it.</summary>
public sealed record PreparedAudio(byte[] Content, string FileName, string MimeType, bool Converted);
