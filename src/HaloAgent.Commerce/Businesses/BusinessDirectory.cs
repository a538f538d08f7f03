using HaloAgent.Commerce.Businesses.Secrets;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Businesses;

public sealed class BusinessDirectory(IDbContextFactory<CommerceDbContext> factory, BusinessSecrets secrets) : IBusinessDirectory
{
    public async Task<IReadOnlyList<BusinessProfile>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var businesses = await db.Businesses.AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken);
        return businesses.Select(Profile).ToList();
    }

    public Task<BusinessProfile?> GetAsync(string businessId, CancellationToken cancellationToken) =>
        FindAsync(b => b.Id == businessId, cancellationToken);

    public Task<BusinessProfile?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        return FindAsync(b => b.Slug == normalized, cancellationToken);
    }

    public Task<BusinessProfile?> FindByWhatsAppPhoneNumberIdAsync(string phoneNumberId, CancellationToken cancellationToken) =>
        FindAsync(b => b.WhatsAppPhoneNumberId == phoneNumberId, cancellationToken);

    private async Task<BusinessProfile?> FindAsync(System.Linq.Expressions.Expression<Func<Business, bool>> predicate, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(predicate, cancellationToken);
        return business is null ? null : Profile(business);
    }

    private BusinessProfile Profile(Business business) => BusinessProfiles.From(business, secrets.ReadWhatsAppAccessToken(business));
}
