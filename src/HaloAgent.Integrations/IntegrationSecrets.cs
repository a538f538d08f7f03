using Microsoft.AspNetCore.DataProtection;

namespace HaloAgent.Integrations;

/// <summary>
/// Webhook and trigger secrets at rest: encrypted with the server's Data Protection key ring (shared by every node
/// through the database), stored as <c>dp1:…</c> like the businesses' tokens, so a copy of the table or a query log
/// does not hand out the keys that sign and authorise calls. Same format as Commerce's protector; Integrations may not
/// reference Commerce, and the protector belongs in the kernel once issue 11 moves it there.
/// </summary>
public sealed class IntegrationSecrets(IDataProtectionProvider provider)
{
    public const string StoredPrefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector("HaloAgent.Integrations.Secrets.v1");

    public string Protect(string clear) => StoredPrefix + _protector.Protect(clear);

    public string Unprotect(string stored) =>
        stored.StartsWith(StoredPrefix, StringComparison.Ordinal) ? _protector.Unprotect(stored[StoredPrefix.Length..]) : stored;
}
