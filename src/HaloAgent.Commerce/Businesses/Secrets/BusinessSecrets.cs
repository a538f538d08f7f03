using System.Security.Cryptography;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Commerce.Businesses.Secrets;

/// <summary>
/// The one way in and out of a business's stored credentials: <see cref="Business.WhatsAppAccessToken"/> holds only
/// the ciphertext; this class writes it from a clear token and reads the clear token back.
/// </summary>
public sealed class BusinessSecrets(
    ISecretProtector protector, IDbContextFactory<CommerceDbContext> factory, TimeProvider clock, ILogger<BusinessSecrets> logger)
{
    /// <summary>
    /// The business's clear WhatsApp token, or null when it has none or it cannot be decrypted (its key is missing from
    /// the key ring: logged as an error, and sends for that business fail as "no access token" until it is set again).
    /// </summary>
    public string? ReadWhatsAppAccessToken(Business business)
    {
        if (string.IsNullOrEmpty(business.WhatsAppAccessToken))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(SecretPurposes.WhatsAppAccessToken, business.WhatsAppAccessToken);
        }
        catch (CryptographicException e)
        {
            // Not rethrown: one undecryptable token must not stop webhook routing and the other businesses' sends.
            logger.LogError(
                "The WhatsApp access token of business {BusinessId} cannot be decrypted ({Error}): the data protection key it was encrypted with is not in the key ring (table data_protection_keys). Restore the key ring from the backup taken with the data, or set the token again",
                business.Id, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Stores <paramref name="clearToken"/> encrypted (null or blank removes it). Returns false, writing nothing, when the
    /// business already has this token stored encrypted, so an unchanged setting re-applied at every start is no write.
    /// </summary>
    public bool SetWhatsAppAccessToken(Business business, string? clearToken)
    {
        var token = string.IsNullOrWhiteSpace(clearToken) ? null : clearToken.Trim();
        if (token is null)
        {
            if (business.WhatsAppAccessToken is null)
            {
                return false;
            }

            business.WhatsAppAccessToken = null;
            return true;
        }

        if (ISecretProtector.IsProtected(business.WhatsAppAccessToken) && ReadWhatsAppAccessToken(business) == token)
        {
            return false;
        }

        business.WhatsAppAccessToken = protector.Protect(SecretPurposes.WhatsAppAccessToken, token);
        return true;
    }

    /// <summary>
    /// Encrypts every credential still stored in clear (written before encryption existed). Idempotent and safe on several
    /// nodes at once: each row is rewritten only while it still holds the clear value that was read. Returns the number of
    /// businesses rewritten.
    /// </summary>
    public async Task<int> ProtectStoredAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var clear = await db.Businesses.AsNoTracking()
            .Where(b => b.WhatsAppAccessToken != null && !b.WhatsAppAccessToken.StartsWith(ISecretProtector.StoredPrefix))
            .Select(b => new { b.Id, Token = b.WhatsAppAccessToken! })
            .ToListAsync(cancellationToken);
        var rewritten = 0;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var business in clear)
        {
            var stored = protector.Protect(SecretPurposes.WhatsAppAccessToken, business.Token);
            rewritten += await db.Businesses
                .Where(b => b.Id == business.Id && b.WhatsAppAccessToken == business.Token)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.WhatsAppAccessToken, stored).SetProperty(b => b.UpdatedAt, now), cancellationToken);
        }

        if (rewritten > 0)
        {
            logger.LogInformation("Encrypted the WhatsApp access tokens that {Count} business(es) had stored in clear", rewritten);
        }

        return rewritten;
    }
}
