namespace HaloAgent.Payments.Receipts;

/// <summary>
/// Recognises image files by their first bytes. Checked before OCR because tesseract treats a text file as a list of
/// image paths to open, which would be both confusing and unsafe with customer input.
/// </summary>
internal static class ImageSniffer
{
    /// <summary>The file extension for the image format, or null when the bytes are not an image tesseract reads.</summary>
    public static string? Extension(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ".png";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ".jpg";
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return ".gif";
        }

        if (data.Length > 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ".webp";
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return ".tif";
        }

        if (data.Length > 26 && data.StartsWith("BM"u8))
        {
            return ".bmp";
        }

        return null;
    }
}
