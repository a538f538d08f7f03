using System.Text.Json;

namespace HaloAgent.Commerce.Payments;

/// <summary>A stored receipt for the owner's review (the image itself is fetched separately).</summary>
public sealed record ReceiptView(
    string Id,
    string MessageId,
    string? ImageSha256,
    string? MimeType,
    long SizeBytes,
    bool HasImage,
    string? RawText,
    JsonElement? Fields,
    double OcrConfidence,
    double Confidence,
    double Score,
    string Verdict,
    IReadOnlyList<ReceiptReasonEntry> Reasons,
    string? Error,
    bool AutoConfirmed,
    long CreatedAt);
