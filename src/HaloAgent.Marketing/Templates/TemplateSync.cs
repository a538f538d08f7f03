using HaloAgent.Platform.Messaging;

namespace HaloAgent.Marketing.Templates;

/// <summary>Brings the catalog up to date with what Meta lists for the business now.</summary>
public sealed class TemplateSync(IWhatsAppTemplateSource source, ITemplateCatalog catalog)
{
    /// <exception cref="TemplateSourceException">Meta could not be asked, or refused (the message says why).</exception>
    public async Task<IReadOnlyList<WhatsAppTemplate>> SyncAsync(string businessId, CancellationToken cancellationToken)
    {
        var listed = await source.FetchAsync(businessId, cancellationToken);
        foreach (var remote in listed)
        {
            await catalog.UpsertAsync(new WhatsAppTemplate
            {
                BusinessId = businessId, MetaId = remote.MetaId.Length > 0 ? remote.MetaId : null, Name = remote.Name, Language = remote.Language,
                Category = remote.Category, Status = remote.Status, StatusReason = remote.StatusReason, Body = remote.Body, ParameterCount = remote.ParameterCount,
            }, cancellationToken);
        }

        // Meta lists every template the account has: one it no longer lists was deleted there (broadcasts using it pause).
        await catalog.MarkDeletedExceptAsync(businessId, listed.Select(r => (r.Name, r.Language)).ToHashSet(), cancellationToken);
        return await catalog.ListAsync(businessId, cancellationToken);
    }
}
