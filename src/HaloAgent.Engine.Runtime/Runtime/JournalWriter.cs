using Dapper;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Persistence.Records;

namespace HaloAgent.Engine.Runtime.Runtime;

internal static class JournalWriter
{
    public static JournalSegmentRecord Segment(string instanceId, IReadOnlyList<JournalEntry> entries, long now) => new()
    {
        InstanceId = instanceId,
        FirstSequence = entries[0].Sequence,
        LastSequence = entries[^1].Sequence,
        Entries = InstanceStateMapper.SerializeJournal(entries),
        CreatedAt = now,
    };

    /// <summary>Records a runtime action (retry, cancel, migrate) in the instance's journal, in the caller's transaction.</summary>
    public static Task AppendAsync(WriteScope scope, string instanceId, JournalEntry entry)
    {
        var segment = Segment(instanceId, [entry], entry.StartedAt.ToUnixTimeMilliseconds());
        return scope.Connection.ExecuteAsync(scope.Command(
            "INSERT INTO flow_journal (instance_id, first_sequence, last_sequence, entries, created_at) VALUES (@InstanceId, @FirstSequence, @LastSequence, @Entries, @CreatedAt)",
            segment));
    }
}
