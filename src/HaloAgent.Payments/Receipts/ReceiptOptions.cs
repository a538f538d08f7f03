namespace HaloAgent.Payments.Receipts;

/// <summary>Bound from configuration section <c>HaloAgent:Receipts</c>: OCR of receipt screenshots and how they are matched.</summary>
public sealed class ReceiptOptions
{
    public const string Section = "HaloAgent:Receipts";

    /// <summary>The tesseract executable (Debian: <c>apt-get install tesseract-ocr</c>); a name is looked up on PATH.</summary>
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Tesseract languages, <c>+</c>-separated (<c>eng</c>; receipts from Nigerian banks are in English).</summary>
    public string Languages { get; set; } = "eng";

    /// <summary>One OCR run; a phone screenshot takes about a second.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Larger images are refused before OCR (WhatsApp caps images at 5 MB).</summary>
    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The offset receipt times are written in. Bank apps print local time without a zone; Nigeria is WAT (UTC+1, no
    /// daylight saving).
    /// </summary>
    public TimeSpan ReceiptTimeZoneOffset { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A receipt dated more than this before now is flagged as too old.</summary>
    public TimeSpan MaxReceiptAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Slack when comparing a receipt's time with the order's and with now: receipts show minutes, not seconds, and a
    /// phone's clock may be a little off.
    /// </summary>
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The score from which an unflagged receipt with the right amount is a <see cref="ReceiptVerdict.LikelyMatch"/>.</summary>
    public double LikelyMatchScore { get; set; } = 0.7;
}
