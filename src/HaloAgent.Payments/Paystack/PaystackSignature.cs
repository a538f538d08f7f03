using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace HaloAgent.Payments.Paystack;

/// <summary>Paystack's webhook signature: <c>x-paystack-signature</c> = hex HMAC-SHA512(secret key, raw body).</summary>
public static class PaystackSignature
{
    public const string Header = "x-paystack-signature";

    private const int HashBytes = 64;

    /// <summary>The header value Paystack would send for <paramref name="body"/>.</summary>
    public static string Compute(string secretKey, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secretKey), body));

    /// <summary>
    /// Constant-time check of the raw bytes as received (re-serialised JSON would not match); false for a missing secret
    /// (fail closed), a missing or malformed header, or a mismatch. Hex case does not matter.
    /// </summary>
    public static bool IsValid(string? secretKey, string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(secretKey) || header is null)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        var hex = header.AsSpan().Trim();
        if (hex.Length != HashBytes * 2 || Convert.FromHexString(hex, expected, out _, out var written) != OperationStatus.Done || written != HashBytes)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HashBytes];
        HMACSHA512.HashData(Encoding.UTF8.GetBytes(secretKey), body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
