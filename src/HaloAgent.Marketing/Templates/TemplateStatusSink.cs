using HaloAgent.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Templates;

/// <summary>Keeps stored templates current from Meta's status webhook (matched by Meta's template id).</summary>
internal sealed class TemplateStatusSink(IDbContextFactory<MarketingDbContext> factory, TimeProvider clock) : ITemplateStatusSink
{
    public async Task<int> ApplyAsync(TemplateStatusUpdate update, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await db.Templates.Where(t => t.MetaId == update.MetaId)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.Status, update.Status).SetProperty(x => x.StatusReason, update.Reason).SetProperty(x => x.UpdatedAt, now), cancellationToken);
    }
}
