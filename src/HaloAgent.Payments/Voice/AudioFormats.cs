namespace HaloAgent.Payments.Voice;

/// <summary>Recognises audio containers by their first bytes, falling back to the declared MIME type.</summary>
internal static class AudioFormats
{
    /// <summary>"ogg", "wav", "mp3", "m4a", "webm", "flac", "amr", "aac", or null when unknown.</summary>
    public static string? Detect(ReadOnlySpan<byte> data, string? mimeType)
    {
        if (data.StartsWith("OggS"u8))
        {
            return "ogg";
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WAVE"u8))
        {
            return "wav";
        }

        if (data.StartsWith("ID3"u8) || (data.Length >= 2 && data[0] == 0xFF && (data[1] & 0xE6) == 0xE2))
        {
            return "mp3";
        }

        if (data.Length >= 2 && data[0] == 0xFF && (data[1] & 0xF6) == 0xF0)
        {
            return "aac";
        }

        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
        {
            return "m4a";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return "webm";
        }

        if (data.StartsWith("fLaC"u8))
        {
            return "flac";
        }

        if (data.StartsWith("#!AMR"u8))
        {
            return "amr";
        }

        var type = mimeType?.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "audio/ogg" or "audio/opus" => "ogg",
            "audio/wav" or "audio/x-wav" or "audio/wave" => "wav",
            "audio/mpeg" or "audio/mp3" => "mp3",
            "audio/mp4" or "audio/m4a" or "audio/x-m4a" => "m4a",
            "audio/webm" => "webm",
            "audio/flac" => "flac",
            "audio/amr" => "amr",
            "audio/aac" => "aac",
            _ => null,
        };
    }

    public static string MimeType(string format) => format switch
    {
        "ogg" => "audio/ogg",
        "wav" => "audio/wav",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "webm" => "audio/webm",
        "flac" => "audio/flac",
        "amr" => "audio/amr",
        "aac" => "audio/aac",
        _ => "application/octet-stream",
    };
}
