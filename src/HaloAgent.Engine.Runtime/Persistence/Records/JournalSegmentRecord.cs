namespace HaloAgent.Engine.Runtime.Persistence.Records;

/// <summary>The journal entries of one run, written as one row: a 10-step run costs one insert, not ten.</summary>
public sealed class JournalSegmentRecord
{
    public required string InstanceId { get; set; }

    public long FirstSequence { get; set; }

    public long LastSequence { get; set; }

    public required string Entries { get; set; }

    public long CreatedAt { get; set; }
}
