using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HaloAgent.Commerce.Businesses.Secrets;
using HaloAgent.Engine.Runtime.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Startup.DataProtection;

/// <summary>
/// Data Protection for the whole server: one application name and one key ring in the shared database, so every node
/// protects and unprotects alike (credentials at rest, sign-in cookies, anything else built on it).
/// </summary>
public static class DataProtectionExtensions
{
    /// <summary>Fixed, not derived from the content root: two nodes installed in different folders must share keys.</summary>
    public const string ApplicationName = "HaloAgent";

    /// <summary>Configuration section: <c>CertificatePath</c> and <c>CertificatePassword</c> (optional).</summary>
    public const string Section = "HaloAgent:DataProtection";

    /// <param name="configuration">
    /// <c>HaloAgent:DataProtection:CertificatePath</c> (a PFX with its private key) and <c>CertificatePassword</c>: when set,
    /// the keys are stored encrypted with that certificate, so a dump of the database alone decrypts nothing; every node
    /// needs the same certificate. Unset, the keys are stored as Data Protection writes them (and it logs a warning).
    /// </param>
    public static IServiceCollection AddHaloDataProtection(this IServiceCollection services, DatabaseSettings database, IConfiguration configuration)
    {
        services.AddDbContext<DataProtectionKeysDbContext>(options =>
            options.UseModuleDatabase(database.Provider, database.ConnectionString, DataProtectionKeysDbContext.MigrationsHistoryTable));
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<DataProtectionKeysDbContext>();
        var certificatePath = configuration[$"{Section}:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            builder.ProtectKeysWithCertificate(LoadCertificate(certificatePath, configuration[$"{Section}:CertificatePassword"]));
        }

        services.AddSingleton<KeyRingInitializer>();
        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{Section}:CertificatePath '{path}' has no private key: the key ring could be encrypted but never read back.");
        }
        catch (CryptographicException e)
        {
            // Fail the start with the setting's name rather than a bare "wrong password" deep in the first request.
            throw new InvalidOperationException($"{Section}:CertificatePath '{path}' cannot be read as a PFX with {Section}:CertificatePassword: {e.Message}", e);
        }
    }

    /// <summary>
    /// Before anything protects data: migrates the key ring table, makes sure it holds a key (one node at a time), then
    /// encrypts credentials that are still stored in clear. Idempotent on every start.
    /// </summary>
    public static async Task InitializeHaloDataProtectionAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<KeyRingInitializer>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<BusinessSecrets>().ProtectStoredAsync(cancellationToken);
    }
}
