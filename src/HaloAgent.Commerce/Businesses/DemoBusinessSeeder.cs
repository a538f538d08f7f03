using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HaloAgent.Commerce.Businesses;

/// <summary>Seeds the demo business on an empty database, so a fresh <c>dotnet run</c> has something to show.</summary>
public sealed class DemoBusinessSeeder(IDbContextFactory<CommerceDbContext> factory, TimeProvider clock, ILogger<DemoBusinessSeeder> logger)
{
    public const string DemoSlug = "mama-nkechi-kitchen";

    public async Task SeedAsync(string? whatsAppPhoneNumberId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Businesses.AnyAsync(b => b.Slug == DemoSlug, cancellationToken))
        {
            return;
        }

        db.Businesses.Add(new Business
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Slug = DemoSlug,
            Name = "Mama Nkechi's Kitchen",
            BrandVoice = "Warm, quick and respectful; a little Pidgin with customers who use it.",
            Languages = "en,pcm,yo,ig,ha",
            WhatsAppPhoneNumberId = string.IsNullOrWhiteSpace(whatsAppPhoneNumberId) ? null : whatsAppPhoneNumberId,
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the demo business '{Slug}'", DemoSlug);
    }
}
