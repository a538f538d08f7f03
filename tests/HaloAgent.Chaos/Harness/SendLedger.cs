using System.Globalization;
using System.Text.Json.Nodes;

namespace HaloAgent.Chaos;

/// <summary>
/// Compares what the fake Graph API accepted with the outbox. Meta's send API has no idempotency key, so a send is
/// matched to its outbox row by the wamid the fake answered (the outbox records it on success): an accepted message
/// whose wamid no row recorded is a second send of some row (a duplicate the customer sees). Cross-checked per payload:
/// accepted copies of a request body beyond the number of outbox rows with that body.
/// A duplicate whose first (unrecorded) copy Meta accepted before a SIGKILL is the documented gap of the outbox
/// (<c>OutboxSender</c>: a crash between Meta's answer and recording it re-sends the row once its lease expires; Meta's
/// API takes no idempotency key) and is counted apart, as <see cref="SendCounts.AtCrash"/>.
/// </summary>
public static class SendLedger
{
    public static async Task<SendCounts> CountAsync(ChaosCluster cluster, IReadOnlyList<DateTimeOffset> kills, CancellationToken cancellationToken)
    {
        var rows = await cluster.Database.OutboxAsync(cancellationToken);
        var sent = cluster.Graph.Sent;
        var recorded = rows.Where(r => r.Wamid is not null).Select(r => r.Wamid!).ToHashSet(StringComparer.Ordinal);
        var orphans = sent.Where(r => !recorded.Contains(r.Wamid!)).ToList();
        var rowsByBody = rows.GroupBy(r => Normalize(r.Payload), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var excess = sent.GroupBy(r => Normalize(r.Body.ToJsonString()), StringComparer.Ordinal)
            .Sum(g => Math.Max(0, g.Count() - rowsByBody.GetValueOrDefault(g.Key)));
        // The unrecorded copy accepted in the last seconds before a kill: the process died before it could record it.
        // The kill time is taken once the process has exited; the fake may still be reading a request the process
        // sent just before, hence the half second after it (a restarted node answers its health check seconds later).
        var atCrash = orphans.Count(o => kills.Any(k => o.ReceivedAt <= k + TimeSpan.FromMilliseconds(500) && o.ReceivedAt > k - TimeSpan.FromSeconds(10)));
        return new SendCounts(
            OutboxRows: rows.Count,
            Accepted: sent.Count,
            Duplicated: Math.Max(orphans.Count, excess),
            AtCrash: atCrash,
            Pending: rows.Count(r => r.Status is "queued" or "sending"),
            Failed: rows.Count(r => r.Status == "failed"),
            RetriedRows: rows.Count(r => r.Attempts > 1),
            DuplicateSamples: orphans.Take(3).Select(r => $"{r.To} at {Offset(r.ReceivedAt, kills)}: {r.Body.ToJsonString()}").ToList());
    }

    /// <summary>When the copy was accepted relative to the nearest kill ("kill +1.2 s"), so a failure says which side it fell.</summary>
    private static string Offset(DateTimeOffset at, IReadOnlyList<DateTimeOffset> kills) =>
        kills.Count == 0 ? "no kill" : string.Create(CultureInfo.InvariantCulture, $"kill {(at - kills.MinBy(k => Math.Abs((at - k).Ticks))).TotalSeconds:+0.000;-0.000} s");

    private static string Normalize(string json) => JsonNode.Parse(json)?.ToJsonString() ?? json;
}

public sealed record SendCounts(int OutboxRows, int Accepted, int Duplicated, int AtCrash, int Pending, int Failed, int RetriedRows, IReadOnlyList<string> DuplicateSamples)
{
    public override string ToString() =>
        $"outbox rows {OutboxRows}, accepted by Graph {Accepted}, duplicated {Duplicated} (of which accepted by Meta just before a kill and not yet recorded: {AtCrash}), pending {Pending}, failed {Failed}, retried {RetriedRows}" +
        (DuplicateSamples.Count > 0 ? $" (e.g. {string.Join(" | ", DuplicateSamples)})" : "");
}
