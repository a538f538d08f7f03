namespace HaloAgent.Payments.Receipts;

public enum ReceiptOcrFailure
{
    /// <summary>The tesseract executable is not installed or not at the configured path.</summary>
    ToolMissing,

    /// <summary>The bytes are not a PNG, JPEG, GIF, BMP, TIFF or WebP image (or are empty or too large).</summary>
    NotAnImage,

    /// <summary>Tesseract ran and failed (its error output is in the message).</summary>
    ToolFailed,

    TimedOut,
}
