using HaloAgent.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Templates;

internal sealed class TemplateCatalog(IDbContextFactory<MarketingDbContext> factory, TimeProvider clock) : ITemplateCatalog
{
    public async Task<IReadOnlyList<WhatsAppTemplate>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Templates.AsNoTracking().Where(t => t.BusinessId == businessId)
            .OrderBy(t => t.Name).ThenBy(t => t.Language).ToListAsync(cancellationToken);
    }

    public async Task<WhatsAppTemplate?> FindAsync(string businessId, string name, string language, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Templates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.BusinessId == businessId && t.Name == name && t.Language == language, cancellationToken);
    }

    public async Task<WhatsAppTemplate> UpsertAsync(WhatsAppTemplate template, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Templates.FirstOrDefaultAsync(
            t => t.BusinessId == template.BusinessId && t.Name == template.Name && t.Language == template.Language, cancellationToken);
        if (row is null)
        {
            row = new WhatsAppTemplate { Id = RowIds.New(), BusinessId = template.BusinessId, Name = template.Name, Language = template.Language };
            db.Templates.Add(row);
        }

        row.MetaId = template.MetaId ?? row.MetaId;
        row.Category = template.Category;
        row.Status = template.Status;
        row.StatusReason = template.StatusReason;
        row.Body = template.Body;
        row.ParameterCount = template.ParameterCount;
        row.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    public async Task<int> MarkDeletedExceptAsync(string businessId, IReadOnlySet<(string Name, string Language)> listed, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var gone = (await db.Templates.Where(t => t.BusinessId == businessId && t.Status != WhatsAppTemplateStatus.Deleted).ToListAsync(cancellationToken))
            .Where(t => !listed.Contains((t.Name, t.Language))).ToList();
        foreach (var row in gone)
        {
            row.Status = WhatsAppTemplateStatus.Deleted;
            row.StatusReason = "No longer listed by Meta: deleted in WhatsApp Manager.";
            row.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        }

        await db.SaveChangesAsync(cancellationToken);
        return gone.Count;
    }
}
