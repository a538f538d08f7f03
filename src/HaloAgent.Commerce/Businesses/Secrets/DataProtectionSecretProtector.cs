using Microsoft.AspNetCore.DataProtection;

namespace HaloAgent.Commerce.Businesses.Secrets;

/// <summary>
/// <see cref="ISecretProtector"/> over ASP.NET Core Data Protection (AES-256-CBC + HMAC-SHA256, keys rotated every 90
/// days and kept for old ciphertexts). Where the key ring lives is the host's choice: the server keeps it in the shared
/// database so every node reads what another wrote.
/// </summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string RootPurpose = "HaloAgent.Secrets";

    public string Protect(string purpose, string clear) =>
        ISecretProtector.StoredPrefix + provider.CreateProtector(RootPurpose, purpose).Protect(clear);

    public string Unprotect(string purpose, string stored) =>
        stored.StartsWith(ISecretProtector.StoredPrefix, StringComparison.Ordinal)
            ? provider.CreateProtector(RootPurpose, purpose).Unprotect(stored[ISecretProtector.StoredPrefix.Length..])
            : stored;
}
