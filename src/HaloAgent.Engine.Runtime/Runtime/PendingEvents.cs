using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;

namespace HaloAgent.Engine.Runtime.Runtime;

internal static class PendingEvents
{
    /// <summary>
    /// Events that arrived for a key while its instance was still running found no bookmark; the instance takes the
    /// earliest of them now, as it suspends (under the same key lock the raiser takes, so neither side misses the other).
    /// </summary>
    public static async Task<Dictionary<string, PendingMatch>> TakeAsync(WriteScope scope, List<(InstanceRecord Record, FlowInstanceState State, long RunnableSince)> runs, long now)
    {
        var waiting = runs.Where(r => r.State.Status == InstanceStatus.Waiting && r.State.Wait?.Bookmarks.Count > 0).ToList();
        if (waiting.Count == 0)
        {
            return [];
        }

        var bookmarks = waiting.SelectMany(r => r.State.Wait!.Bookmarks).ToList();
        var candidates = (await scope.Connection.QueryAsync<(string Id, string Name, string CorrelationKey, long CreatedAt, string? TenantId)>(scope.Command($"""
            SELECT id, name, correlation_key, created_at, tenant_id FROM flow_events
            WHERE consumed_at IS NULL AND {scope.Dialect.InList("name", "@Names")} AND {scope.Dialect.InList("correlation_key", "@Keys")} AND created_at >= @Since
            ORDER BY created_at, id
            """, new
        {
            Names = bookmarks.Select(b => b.EventName).Distinct().ToList(),
            Keys = bookmarks.Select(b => b.CorrelationKey).Distinct().ToList(),
            Since = waiting.Min(r => r.RunnableSince),
        }))).ToList();
        var matches = new Dictionary<string, PendingMatch>(StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return matches;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in waiting)
        {
            var match = candidates.FirstOrDefault(e => !taken.Contains(e.Id) && e.CreatedAt >= run.RunnableSince
                && (e.TenantId is null || e.TenantId == run.Record.TenantId)
                && run.State.Wait!.Bookmarks.Any(b => b.EventName == e.Name && b.CorrelationKey == e.CorrelationKey));
            if (match.Id is null)
            {
                continue;
            }

            taken.Add(match.Id);
            var bookmark = run.State.Wait!.Bookmarks.First(b => b.EventName == match.Name && b.CorrelationKey == match.CorrelationKey);
            matches[run.Record.Id] = new PendingMatch(match.Id, bookmark);
        }

        if (taken.Count > 0)
        {
            await scope.Connection.ExecuteAsync(scope.Command(
                $"UPDATE flow_events SET consumed_at = @Now WHERE {scope.Dialect.InList("id", "@Ids")}", new { Now = now, Ids = taken.ToList() }));
        }

        return matches;
    }
}

/// <summary>The unconsumed event an instance takes as it suspends, and the bookmark it matched.</summary>
internal sealed record PendingMatch(string EventId, BookmarkSpec Bookmark);
