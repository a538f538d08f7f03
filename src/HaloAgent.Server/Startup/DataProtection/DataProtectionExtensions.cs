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

    public static IServiceCollection AddHaloDataProtection(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddDbContext<DataProtectionKeysDbContext>(options =>
            options.UseModuleDatabase(database.Provider, database.ConnectionString, DataProtectionKeysDbContext.MigrationsHistoryTable));
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<DataProtectionKeysDbContext>();
        services.AddSingleton<KeyRingInitializer>();
        return services;
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
