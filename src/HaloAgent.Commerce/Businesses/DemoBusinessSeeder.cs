using HaloAgent.Commerce.Businesses.Secrets;
using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Businesses;

/// <summary>
/// Seeds the demo business and its menu, so a fresh <c>dotnet run</c> has something to show. Safe on every start:
/// an existing business keeps the owner's edits; only its WhatsApp credentials follow configuration when set.
/// </summary>
public sealed class DemoBusinessSeeder(
    IDbContextFactory<CommerceDbContext> factory,
    ICatalogService catalog,
    BusinessSecrets secrets,
    TimeProvider clock,
    ILogger<DemoBusinessSeeder> logger)
{
    public const string DemoSlug = "mama-nkechi-kitchen";

    public static IReadOnlyList<DeliveryZone> DemoZones { get; } =
    [
        new("Yaba", 1_500_00),
        new("Surulere", 2_000_00),
        new("Ikeja", 2_500_00),
        new("Victoria Island", 3_000_00),
        new("Lekki", 3_500_00),
        new("Ajah", 4_000_00),
    ];

    public const string DemoPickupAddress = "14 Herbert Macaulay Way, Yaba, Lagos";

    /// <summary>Kept for callers that only configure the phone number id.</summary>
    public Task SeedAsync(string? whatsAppPhoneNumberId, CancellationToken cancellationToken) =>
        SeedAsync(whatsAppPhoneNumberId, null, cancellationToken);

    /// <param name="whatsAppPhoneNumberId">Configuration <c>WhatsApp:PhoneNumberId</c>; ignored when empty.</param>
    /// <param name="whatsAppAccessToken">Configuration <c>WhatsApp:AccessToken</c>; ignored when empty; stored encrypted.</param>
    public Task SeedAsync(string? whatsAppPhoneNumberId, string? whatsAppAccessToken, CancellationToken cancellationToken) =>
        SeedAsync(whatsAppPhoneNumberId, whatsAppAccessToken, null, cancellationToken);

    /// <param name="whatsAppBusinessAccountId">Configuration <c>WhatsApp:BusinessAccountId</c>; ignored when empty.</param>
    public async Task SeedAsync(string? whatsAppPhoneNumberId, string? whatsAppAccessToken, string? whatsAppBusinessAccountId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SeedOnceAsync(whatsAppPhoneNumberId, whatsAppAccessToken, whatsAppBusinessAccountId, cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                // Another node is seeding the same database right now; the next pass sees what it wrote.
            }
        }
    }

    private async Task SeedOnceAsync(string? whatsAppPhoneNumberId, string? whatsAppAccessToken, string? whatsAppBusinessAccountId, CancellationToken cancellationToken)
    {
        var phoneNumberId = string.IsNullOrWhiteSpace(whatsAppPhoneNumberId) ? null : whatsAppPhoneNumberId.Trim();
        var accessToken = string.IsNullOrWhiteSpace(whatsAppAccessToken) ? null : whatsAppAccessToken.Trim();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.FirstOrDefaultAsync(b => b.Slug == DemoSlug, cancellationToken);
        if (business is null)
        {
            business = new Business
            {
                Id = Ids.New(),
                Slug = DemoSlug,
                Name = "Mama Nkechi's Kitchen",
                BrandVoice = "Warm, quick and respectful; a little Pidgin with customers who use it.",
                Languages = string.Join(',', LanguageCodes.All),
                CreatedAt = now,
            };
            db.Businesses.Add(business);
            logger.LogInformation("Seeding the demo business '{Slug}'", DemoSlug);
        }

        // Filled when empty, so a database seeded before these settings existed gets them too.
        if (business.DeliveryZonesJson is null or "" or "[]")
        {
            business.DeliveryZonesJson = Json.Write(DemoZones);
        }

        business.OpeningHoursJson ??= Json.Write(new Dictionary<string, string>
        {
            ["mon"] = "08:00-21:00", ["tue"] = "08:00-21:00", ["wed"] = "08:00-21:00", ["thu"] = "08:00-21:00",
            ["fri"] = "08:00-22:00", ["sat"] = "09:00-22:00", ["sun"] = "12:00-20:00",
        });
        business.PickupAddress ??= DemoPickupAddress;
        business.BankName ??= "Moniepoint MFB";
        business.BankAccountNumber ??= "5012345678";
        business.BankAccountName ??= "Mama Nkechi's Kitchen";
        business.OrderPrefix ??= "MNK";
        if (phoneNumberId is not null)
        {
            business.WhatsAppPhoneNumberId = phoneNumberId;
        }

        if (!string.IsNullOrWhiteSpace(whatsAppBusinessAccountId))
        {
            business.WhatsAppBusinessAccountId = whatsAppBusinessAccountId.Trim();
        }

        if (accessToken is not null)
        {
            // Stored encrypted; the same token configured again is no change (its ciphertext would differ every time).
            secrets.SetWhatsAppAccessToken(business, accessToken);
        }

        if (db.ChangeTracker.HasChanges())
        {
            business.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        // Only an empty menu is seeded: products the owner removed or changed stay as the owner left them.
        if (!await db.Products.AnyAsync(p => p.BusinessId == business.Id, cancellationToken))
        {
            foreach (var product in DemoCatalog.Products)
            {
                await catalog.UpsertAsync(business.Id, product, cancellationToken);
            }

            logger.LogInformation("Seeded {Count} products for '{Slug}'", DemoCatalog.Products.Count, DemoSlug);
        }
    }
}
