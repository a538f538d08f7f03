using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Auth;

/// <summary>
/// The demo business's owner: <c>Demo:OwnerEmail</c> / <c>Demo:OwnerPassword</c>, or, when no password is configured,
/// a random one printed once, at the start that creates the account. An existing owner is never changed.
/// </summary>
public sealed class DemoOwnerSeeder(IDbContextFactory<AuthDbContext> factory, UserDirectory users, IConfiguration configuration, ILogger<DemoOwnerSeeder> logger)
{
    public const string DefaultEmail = "owner@mamankechi.ng";

    public async Task SeedAsync(string businessId, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Users.AnyAsync(u => u.BusinessId == businessId && u.Role == AuthPolicies.Owner, cancellationToken))
            {
                return;
            }
        }

        var email = configuration["Demo:OwnerEmail"] is { Length: > 0 } configured ? configured : DefaultEmail;
        var password = configuration["Demo:OwnerPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        try
        {
            await users.CreateAsync(businessId, email, "Demo owner", AuthPolicies.Owner, password!, cancellationToken);
        }
        catch (DbUpdateException)
        {
            return; // another node created it first
        }

        if (generated)
        {
            // Printed once: this is the only place the password ever appears.
            Console.WriteLine($"HaloAgent demo owner: {email} / {password}  (set Demo:OwnerEmail and Demo:OwnerPassword to choose them)");
        }

        logger.LogInformation("Created the demo owner {Email}", email);
    }
}
