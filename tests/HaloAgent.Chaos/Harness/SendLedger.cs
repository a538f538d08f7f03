using System.Text.Json.Nodes;

namespace HaloAgent.Chaos;

/// <summary>
/// Compares what the fake Graph API accepted with the outbox. Meta's send API has no idempotency key, so a send is
/// matched to its outbox row by the wamid the fake answered (the outbox records it on success): an accepted message
/// whose wamid no row recorded is a second send of some row (a duplicate the customer sees). Cross-checked per payload:
/// accepted copies of a request body beyond the number of outbox rows with that body.
/// </summary>
public static class SendLedger
{
    public static async Task<SendCounts> CountAsync(ChaosCluster cluster, CancellationToken cancellationToken)
    {
        var rows = await cluster.Database.OutboxAsync(cancellationToken);
        var sent = cluster.Graph.Sent;
        var recorded = rows.Where(r => r.Wamid is not null).Select(r => r.Wamid!).ToHashSet(StringComparer.Ordinal);
        var orphans = sent.Where(r => !recorded.Contains(r.Wamid!)).ToList();
        var rowsByBody = rows.GroupBy(r => Normalize(r.Payload), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var excess = sent.GroupBy(r => Normalize(r.Body.ToJsonString()), StringComparer.Ordinal)
            .Sum(g => Math.Max(0, g.Count() - rowsByBody.GetValueOrDefault(g.Key)));
        return new SendCounts(
            OutboxRows: rows.Count,
            Accepted: sent.Count,
            Duplicated: Math.Max(orphans.Count, excess),
            Pending: rows.Count(r => r.Status is "queued" or "sending"),
            Failed: rows.Count(r => r.Status == "failed"),
            RetriedRows: rows.Count(r => r.Attempts > 1),
            DuplicateSamples: orphans.Take(3).Select(r => $"{r.To}: {r.Body.ToJsonString()}").ToList());
    }

    private static string Normalize(string json) => JsonNode.Parse(json)?.ToJsonString() ?? json;
}

public sealed record SendCounts(int OutboxRows, int Accepted, int Duplicated, int Pending, int Failed, int RetriedRows, IReadOnlyList<string> DuplicateSamples)
{
    public override string ToString() =>
        $"outbox rows {OutboxRows}, accepted by Graph {Accepted}, duplicated {Duplicated}, pending {Pending}, failed {Failed}, retried {RetriedRows}" +
        (DuplicateSamples.Count > 0 ? $" (e.g. {string.Join(" | ", DuplicateSamples)})" : "");
}
