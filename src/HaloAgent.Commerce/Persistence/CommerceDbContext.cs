using HaloAgent.Commerce.Businesses;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Persistence;

/// <summary>The commerce tables (businesses for now; contacts, catalog and orders come with the commerce issue).</summary>
public sealed class CommerceDbContext(DbContextOptions<CommerceDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__commerce_migrations";

    public DbSet<Business> Businesses => Set<Business>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var business = model.Entity<Business>();
        business.ToTable("businesses").HasKey(b => b.Id);
        business.HasIndex(b => b.Slug).IsUnique();
        business.HasIndex(b => b.WhatsAppPhoneNumberId).IsUnique();
        business.Property(b => b.Id).HasColumnName("id");
        business.Property(b => b.Slug).HasColumnName("slug");
        business.Property(b => b.Name).HasColumnName("name");
        business.Property(b => b.BrandVoice).HasColumnName("brand_voice");
        business.Property(b => b.Languages).HasColumnName("languages");
        business.Property(b => b.WhatsAppPhoneNumberId).HasColumnName("whatsapp_phone_number_id");
        business.Property(b => b.CreatedAt).HasColumnName("created_at");
    }
}
