using Dapper;
using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>Resumes the bookmarks an event matches. Runs under the event key's lock, inside the raiser's transaction.</summary>
internal static class EventMatcher
{
    // An instance with a bookmark already resumed is about to continue; a second event must not overwrite the first,
    // so it stays pending for the instance's next wait instead.
    private const string ResumeSql = """
        UPDATE flow_bookmarks SET resumed_event_id = @EventId, resumed_at = @Now
        WHERE event_name = @Name AND correlation_key = @CorrelationKey AND resumed_event_id IS NULL
          AND (@InstanceId IS NULL OR instance_id = @InstanceId)
          AND (@Tenant IS NULL OR EXISTS (SELECT 1 FROM flow_instances i WHERE i.id = flow_bookmarks.instance_id AND i.tenant_id = @Tenant))
          AND NOT EXISTS (SELECT 1 FROM flow_bookmarks r WHERE r.instance_id = flow_bookmarks.instance_id AND r.resumed_event_id IS NOT NULL)
        RETURNING instance_id
        """;


    public static async Task<IReadOnlyList<string>> ResumeAsync(WriteScope scope, string eventId, EventRequest request, string? instanceId, long now)
    {
        var instances = (await scope.Connection.QueryAsync<string>(scope.Command(ResumeSql, new
        {
            EventId = eventId,
            Now = now,
            request.Name,
            request.CorrelationKey,
            request.Tenant,
            InstanceId = instanceId,
        }))).Distinct().Order(StringComparer.Ordinal).ToList();
        if (instances.Count > 0)
        {
            await scope.Connection.ExecuteAsync(scope.Command($"""
                UPDATE flow_instances SET wake_at = @Now, runnable_since = @Now, row_version = row_version + 1, updated_at = @Now
                WHERE {scope.Dialect.InList("id", "@Ids")} AND status = 'Waiting'
                """, new { Now = now, Ids = instances }));
        }

        return instances;
    }
}
