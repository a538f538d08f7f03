using System.Security.Cryptography;

namespace HaloAgent.Payments.Receipts;

/// <summary>
/// SHA-256 of the exact image bytes, lower-case hex. WhatsApp forwards an image byte for byte, so the same screenshot
/// sent for two orders has the same hash: the caller stores it per order and asks whether it was used before.
/// </summary>
public static class ImageHash
{
    public static string Sha256Hex(ReadOnlySpan<byte> image) => Convert.ToHexStringLower(SHA256.HashData(image));
}
