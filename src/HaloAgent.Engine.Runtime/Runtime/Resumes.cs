using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;
using HaloAgent.Engine.Values;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>The events that woke claimed waiting instances: the bookmark a raiser marked, joined to its event.</summary>
internal static class Resumes
{
    public static async Task<Dictionary<string, ResumeSignal>> LoadAsync(EngineDatabase database, List<InstanceRecord> claimed, CancellationToken cancellationToken)
    {
        var waiting = claimed.Where(r => r.Status == nameof(InstanceStatus.Waiting)).Select(r => r.Id).ToList();
        if (waiting.Count == 0)
        {
            return [];
        }

        var rows = await database.ReadAsync(
            async (db, ct) =>
            {
                var connection = db.Database.GetDbConnection();
                return (await connection.QueryAsync<(string InstanceId, string EventName, string? Payload)>(new CommandDefinition($"""
                    SELECT b.instance_id, b.event_name, e.payload FROM flow_bookmarks b JOIN flow_events e ON e.id = b.resumed_event_id
                    WHERE {database.Dialect.InList("b.instance_id", "@Ids")} ORDER BY b.resumed_at
                    """, new { Ids = waiting }, cancellationToken: ct))).ToList();
            },
            cancellationToken);
        var resumes = new Dictionary<string, ResumeSignal>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            resumes.TryAdd(row.InstanceId, ResumeSignal.Event(row.EventName, ParsePayload(row.Payload)));
        }

        return resumes;
    }

    internal static object? ParsePayload(string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(payload);
        return PlainValue.FromJson(document.RootElement);
    }
}
