using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Management;
using HaloAgent.Engine.Runtime.Persistence.Records;
using HaloAgent.Marketing.Experiments.Stats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Marketing.Experiments;

/// <summary>
/// Experiments of a business: every Split node of its published flows, read with its funnel and statistics; stop and
/// promote. Everything is scoped to the business: another business's flow is "not found", never "forbidden".
/// </summary>
public sealed class ExperimentService(
    FlowStore flows, ExperimentMetrics metrics, IDbContextFactory<MarketingDbContext> factory,
    IOptionsMonitor<ExperimentOptions> options, TimeProvider clock)
{
    private sealed record Located(FlowSummary Flow, int Version, FlowDefinition Definition, SplitNode Split, ExperimentState? State);

    public async Task<IReadOnlyList<ExperimentSummary>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        var scope = TenantScope.Of(businessId);
        var states = await StatesAsync(businessId, cancellationToken);
        var result = new List<ExperimentSummary>();
        foreach (var flow in await flows.ListAsync(scope, cancellationToken))
        {
            var current = await NewestFrozenAsync(scope, flow, cancellationToken);
            var nodeIds = (current is null ? [] : SplitExperiments.Find(current.Value.Definition).Select(s => s.NodeId))
                .Concat(states.Values.Where(s => s.FlowId == flow.Id).Select(s => s.NodeId))
                .Distinct(StringComparer.Ordinal);
            foreach (var nodeId in nodeIds)
            {
                if (await LocateAsync(scope, flow, nodeId, states.GetValueOrDefault(SplitExperiments.IdOf(flow.Id, nodeId)), cancellationToken) is { } located)
                {
                    result.Add((await ViewAsync(businessId, located, cancellationToken)).Summary());
                }
            }
        }

        return result;
    }

    /// <summary>Null when the business has no such experiment.</summary>
    public async Task<ExperimentView?> GetAsync(string businessId, string id, CancellationToken cancellationToken) =>
        await FindAsync(businessId, id, cancellationToken) is { } located ? await ViewAsync(businessId, located, cancellationToken) : null;

    /// <summary>Freezes the numbers at now; from then on the Split sends everyone the control (<see cref="ExperimentReleases"/>). Null when unknown.</summary>
    public async Task<ExperimentView?> StopAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(businessId, id, cancellationToken) is not { } located)
        {
            return null;
        }

        EnsureChangeable(located);
        if (located.State?.Status == ExperimentStatus.Stopped)
        {
            throw new ExperimentConflictException("This experiment is already stopped.");
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await SaveStateAsync(businessId, located, ExperimentStatus.Stopped, now, null, null, cancellationToken);
        return await GetAsync(businessId, id, cancellationToken);
    }

    /// <summary>
    /// Publishes a new version of the flow with only the winner's branch (the verdict's winner, or
    /// <paramref name="variant"/> when the owner names one, once the minimum sample is reached). Running instances stay
    /// on their version. Null when unknown.
    /// </summary>
    public async Task<ExperimentView?> PromoteAsync(string businessId, string id, string? variant, CancellationToken cancellationToken)
    {
        if (await FindAsync(businessId, id, cancellationToken) is not { } located)
        {
            return null;
        }

        EnsureChangeable(located);
        if (variant is not null && located.Split.Variants.All(v => v.Name != variant))
        {
            throw new ExperimentInputException("variant",
                $"'{variant}' is not a variant of this experiment ({string.Join(", ", located.Split.Variants.Select(v => v.Name))}).");
        }

        var view = await ViewAsync(businessId, located, cancellationToken);
        if (!view.MinimumSampleReached)
        {
            throw new ExperimentConflictException($"Cannot promote before the minimum sample. {view.Verdict.Sentence}");
        }

        var winner = variant ?? (view.Verdict is { Kind: VerdictKinds.Winner, Winner: { } w }
            ? w
            : throw new ExperimentConflictException($"There is no winner to promote. {view.Verdict.Sentence} Name the variant to promote it anyway."));
        if (located.Flow.HasDraft)
        {
            throw new ExperimentConflictException(
                $"The flow '{located.Flow.Id}' has an unpublished draft; publish or discard it first, so promoting does not overwrite it.");
        }

        var promoted = SplitExperiments.Promote(located.Definition, located.Split.NodeId, winner);
        var published = await flows.ImportAsync(TenantScope.Of(businessId), promoted, publish: true, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await SaveStateAsync(businessId, located, ExperimentStatus.Promoted, located.State?.StoppedAt ?? now, winner, published.Version, cancellationToken);
        return await GetAsync(businessId, id, cancellationToken);
    }

    private static void EnsureChangeable(Located located)
    {
        if (located.State?.Status == ExperimentStatus.Promoted)
        {
            throw new ExperimentConflictException($"This experiment was already promoted ('{located.State.Winner}' in version {located.State.PromotedVersion}).");
        }

        if (located.Flow.ActiveVersion is null)
        {
            throw new ExperimentConflictException($"The flow '{located.Flow.Id}' is retracted (no published version); publish it again before changing its experiment.");
        }

        if (located.Version != located.Flow.ActiveVersion)
        {
            throw new ExperimentConflictException($"The published version of '{located.Flow.Id}' no longer has this Split node.");
        }
    }

    private async Task<Located?> FindAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        if (SplitExperiments.ParseId(id) is not var (flowId, nodeId))
        {
            return null;
        }

        var scope = TenantScope.Of(businessId);
        FlowSummary flow;
        try
        {
            flow = await flows.GetAsync(scope, flowId, cancellationToken);
        }
        catch (FlowNotFoundException)
        {
            return null;
        }

        var states = await StatesAsync(businessId, cancellationToken);
        return await LocateAsync(scope, flow, nodeId, states.GetValueOrDefault(id), cancellationToken);
    }

    /// <summary>The newest frozen (published or retracted) version of the flow that has Split <paramref name="nodeId"/>.</summary>
    private async Task<Located?> LocateAsync(TenantScope scope, FlowSummary flow, string nodeId, ExperimentState? state, CancellationToken cancellationToken)
    {
        var versions = await flows.VersionsAsync(scope, flow.Id, cancellationToken);
        foreach (var version in versions.Where(v => v.Status != VersionStatus.Draft).OrderByDescending(v => v.Version))
        {
            var document = await flows.GetVersionAsync(scope, flow.Id, version.Version, cancellationToken);
            if (SplitExperiments.Find(document.Definition).FirstOrDefault(s => s.NodeId == nodeId) is { } split)
            {
                return new Located(flow, version.Version, document.Definition, split, state);
            }
        }

        return null;
    }

    private async Task<(int Version, FlowDefinition Definition)?> NewestFrozenAsync(TenantScope scope, FlowSummary flow, CancellationToken cancellationToken)
    {
        var versions = await flows.VersionsAsync(scope, flow.Id, cancellationToken);
        var newest = flow.ActiveVersion ?? versions.Where(v => v.Status != VersionStatus.Draft).Select(v => (int?)v.Version).Max();
        return newest is { } v ? (v, (await flows.GetVersionAsync(scope, flow.Id, v, cancellationToken)).Definition) : null;
    }

    private async Task<ExperimentView> ViewAsync(string businessId, Located located, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var counts = await metrics.ReadAsync(businessId, located.Flow.Id, located.Split, located.State?.StoppedAt, settings.GoalWindow, cancellationToken);
        var rules = new AnalysisRules(settings.MinimumExposed, settings.ChanceToWin, SequentialTuning: settings.SequentialTuning);
        var analysis = ExperimentAnalysis.Analyse(new AnalysisInput(
            located.Split.Variants.Zip(counts, (v, c) => new VariantCounts(v.Name, v.Weight, new BinomialCounts(c.Exposed, c.Converted))).ToList(), rules));
        var totalWeight = located.Split.Variants.Sum(v => v.Weight);
        var variants = located.Split.Variants.Select((v, i) =>
        {
            var (c, s) = (counts[i], analysis.Variants[i]);
            return new ExperimentVariantView(
                v.Name, v.Weight, totalWeight > 0 ? v.Weight / totalWeight : 0, v.Target, i == 0,
                c.Exposed, c.Delivered, c.Read, c.Replied, c.Converted, c.RevenueKobo, s.Rate, s.RateInterval, s.VsControl);
        }).ToList();
        var state = located.State;
        return new ExperimentView(
            SplitExperiments.IdOf(located.Flow.Id, located.Split.NodeId), located.Flow.Id, located.Flow.Name, located.Split.NodeId, located.Split.Label,
            state?.Status ?? ExperimentStatus.Running, located.Flow.ActiveVersion is not null, located.Version,
            variants, analysis.SampleRatio, analysis.MinimumSampleReached, analysis.Verdict,
            new ExperimentRulesView(rules.MinimumExposed, AnalysisRules.MinimumEachOutcome, settings.GoalWindow.TotalDays, rules.ChanceToWin, rules.SequentialTuning),
            state?.StoppedAt is { } stopped ? DateTimeOffset.FromUnixTimeMilliseconds(stopped) : null, state?.Winner, state?.PromotedVersion);
    }

    private async Task<Dictionary<string, ExperimentState>> StatesAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Experiments.AsNoTracking().Where(e => e.BusinessId == businessId).ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, cancellationToken);
    }

    private async Task SaveStateAsync(
        string businessId, Located located, string status, long stoppedAt, string? winner, int? promotedVersion, CancellationToken cancellationToken)
    {
        var id = SplitExperiments.IdOf(located.Flow.Id, located.Split.NodeId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Experiments.SingleOrDefaultAsync(e => e.Id == id && e.BusinessId == businessId, cancellationToken);
        if (row is null)
        {
            row = new ExperimentState { Id = id, BusinessId = businessId, FlowId = located.Flow.Id, NodeId = located.Split.NodeId, Status = status };
            db.Experiments.Add(row);
        }

        row.Status = status;
        row.StoppedAt ??= stoppedAt;
        row.Winner = winner;
        row.PromotedVersion = promotedVersion;
        row.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
    }
}
