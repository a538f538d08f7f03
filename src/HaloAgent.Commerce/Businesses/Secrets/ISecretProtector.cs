namespace HaloAgent.Commerce.Businesses.Secrets;

/// <summary>
/// Encrypts credentials before they are stored (and decrypts them when read), so a copy of a table, a replica or a
/// query log does not hand out a business's tokens. The stored form starts with <see cref="StoredPrefix"/>: a value
/// without it was written before encryption and is recognised as clear text (see <see cref="BusinessSecrets.ProtectStoredAsync"/>).
/// </summary>
public interface ISecretProtector
{
    /// <summary>Prefix of every stored ciphertext; the digit is the format version.</summary>
    public const string StoredPrefix = "dp1:";

    /// <summary>The stored form of <paramref name="clear"/> for one kind of secret (<see cref="SecretPurposes"/>).</summary>
    string Protect(string purpose, string clear);

    /// <summary>
    /// The clear secret. A value without <see cref="StoredPrefix"/> (stored before encryption) is returned as it is;
    /// a ciphertext whose key is missing from the key ring, or made for another purpose, throws
    /// <see cref="System.Security.Cryptography.CryptographicException"/>.
    /// </summary>
    string Unprotect(string purpose, string stored);

    /// <summary>Whether <paramref name="stored"/> is a ciphertext (rather than a clear value stored before encryption).</summary>
    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(StoredPrefix, StringComparison.Ordinal);
}
