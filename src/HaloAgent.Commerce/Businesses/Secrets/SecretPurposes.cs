namespace HaloAgent.Commerce.Businesses.Secrets;

/// <summary>
/// One purpose per kind of secret: a ciphertext made for one purpose does not decrypt under another, so a token copied
/// into another column is useless there.
/// </summary>
public static class SecretPurposes
{
    /// <summary><see cref="Business.WhatsAppAccessToken"/>.</summary>
    public const string WhatsAppAccessToken = "HaloAgent.Businesses.WhatsAppAccessToken";
}
