namespace HaloAgent.Marketing.Templates;

/// <summary>A business's WhatsApp templates as last heard from Meta.</summary>
public interface ITemplateCatalog
{
    Task<IReadOnlyList<WhatsAppTemplate>> ListAsync(string businessId, CancellationToken cancellationToken);

    Task<WhatsAppTemplate?> FindAsync(string businessId, string name, string language, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the row for (business, name, language) and returns it.</summary>
    Task<WhatsAppTemplate> UpsertAsync(WhatsAppTemplate template, CancellationToken cancellationToken);

    /// <summary>Marks <see cref="WhatsAppTemplateStatus.Deleted"/> every template of the business not in <paramref name="listed"/> (name, language).</summary>
    Task<int> MarkDeletedExceptAsync(string businessId, IReadOnlySet<(string Name, string Language)> listed, CancellationToken cancellationToken);
}
