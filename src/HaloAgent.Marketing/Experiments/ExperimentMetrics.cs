using Dapper;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Platform.Audience;
using HaloAgent.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Experiments;

/// <summary>One variant's funnel: contacts exposed, reached (delivered), who read, replied, converted, and their revenue.</summary>
public sealed record VariantMetrics(string Name, long Exposed, long Delivered, long Read, long Replied, long Converted, long RevenueKobo);

/// <summary>
/// Counts an experiment's funnel per variant. Exposed: the engine's sticky assignments (<c>flow_variant_assignments</c>,
/// one row per contact). Delivered and read: the flow's messages whose callback data carries the variant (distinct
/// recipients; read receipts can be off, so read is a floor). Replied and converted come from Commerce through the
/// kernel's <see cref="IAudience"/>: the contact wrote after their exposure; they placed a bought order within the goal
/// window after it (revenue = those orders' totals).
/// </summary>
public sealed class ExperimentMetrics(EngineDatabase engine, IFlowMessages messages, IAudience audience)
{
    private static readonly string[] Delivered = ["delivered", "read"];

    /// <param name="until">Exposures after this (Unix ms) are left out: a stopped experiment keeps its numbers.</param>
    public async Task<IReadOnlyList<VariantMetrics>> ReadAsync(
        string businessId, string flowId, SplitNode split, long? until, TimeSpan goalWindow, CancellationToken cancellationToken)
    {
        var assignments = (await engine.ReadAsync(
                (db, ct) => db.Database.GetDbConnection().QueryAsync<Assignment>(new CommandDefinition(
                    "SELECT subject AS Subject, variant AS Variant, assigned_at AS AssignedAt FROM flow_variant_assignments WHERE flow_id = @FlowId AND node_id = @NodeId",
                    new { FlowId = flowId, split.NodeId }, cancellationToken: ct)),
                cancellationToken))
            .Where(a => until is null || a.AssignedAt <= until)
            .ToList();
        var outcomes = assignments.Count == 0
            ? new Dictionary<string, AudienceOutcome>(StringComparer.Ordinal)
            : (await audience.OutcomesAsync(
                    businessId, assignments.Select(a => new AudienceExposure(a.Subject, DateTimeOffset.FromUnixTimeMilliseconds(a.AssignedAt))).ToList(),
                    goalWindow, cancellationToken))
                .ToDictionary(o => o.ContactId, StringComparer.Ordinal);
        var sent = (await messages.OfFlowAsync(businessId, flowId, cancellationToken))
            .Select(m => (m.Recipient, m.Status, Variant: FlowCallback.VariantOf(m.CallbackData, flowId, split.NodeId)))
            .Where(m => m.Variant is not null)
            .ToList();

        return split.Variants.Select(v =>
        {
            var exposed = assignments.Where(a => a.Variant == v.Name).ToList();
            var results = exposed.Select(a => outcomes.GetValueOrDefault(a.Subject)).OfType<AudienceOutcome>().ToList();
            var messagesOfVariant = sent.Where(m => m.Variant == v.Name).ToList();
            return new VariantMetrics(
                v.Name,
                exposed.Count,
                messagesOfVariant.Where(m => Delivered.Contains(m.Status)).Select(m => m.Recipient).Distinct(StringComparer.Ordinal).Count(),
                messagesOfVariant.Where(m => m.Status == "read").Select(m => m.Recipient).Distinct(StringComparer.Ordinal).Count(),
                results.Count(r => r.Replied),
                results.Count(r => r.Orders > 0),
                results.Sum(r => r.RevenueKobo));
        }).ToList();
    }

    private sealed class Assignment
    {
        public string Subject { get; set; } = "";

        public string Variant { get; set; } = "";

        public long AssignedAt { get; set; }
    }
}
