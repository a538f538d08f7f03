using HaloAgent.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Experiments;

/// <summary>What the owner decided about a Split's experiment, for the Split itself: stopped sends the control, promoted the winner.</summary>
internal sealed class ExperimentReleases(IDbContextFactory<MarketingDbContext> factory) : ISplitReleases
{
    public async ValueTask<string?> ReleasedVariantAsync(string flowId, string nodeId, IReadOnlyList<string> variants, CancellationToken cancellationToken)
    {
        var id = SplitExperiments.IdOf(flowId, nodeId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var state = await db.Experiments.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Status, e.Winner }).FirstOrDefaultAsync(cancellationToken);
        return state?.Status switch
        {
            ExperimentStatus.Stopped => variants.FirstOrDefault(),
            ExperimentStatus.Promoted => state.Winner,
            _ => null,
        };
    }
}
