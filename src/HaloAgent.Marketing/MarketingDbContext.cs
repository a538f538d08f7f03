using HaloAgent.Marketing.Segments;
using HaloAgent.Marketing.Templates;
using HaloAgent.Platform.Naming;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing;

/// <summary>Marketing's own tables (WhatsApp templates, segments, broadcasts), in the shared database with their own migrations history.</summary>
public sealed class MarketingDbContext(DbContextOptions<MarketingDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__marketing_migrations";

    public DbSet<WhatsAppTemplate> Templates => Set<WhatsAppTemplate>();

    public DbSet<Segment> Segments => Set<Segment>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var template = model.Entity<WhatsAppTemplate>();
        template.ToTable("marketing_whatsapp_templates").HasKey(t => t.Id);
        template.HasIndex(t => new { t.BusinessId, t.Name, t.Language }).IsUnique()
            .HasDatabaseName("ux_marketing_whatsapp_templates_business_id_name_language");
        var segment = model.Entity<Segment>();
        segment.ToTable("marketing_segments").HasKey(s => s.Id);
        segment.HasIndex(s => new { s.BusinessId, s.Name }).IsUnique().HasDatabaseName("ux_marketing_segments_business_id_name");
        SnakeCaseModel.Apply(model);
    }
}
