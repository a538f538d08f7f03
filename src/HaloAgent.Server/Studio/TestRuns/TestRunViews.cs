using HaloAgent.Channels.History;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Runtime;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// What the Studio sees of a run (<see cref="TestRunView"/>): read from its instance and conversation while they exist,
/// from its <see cref="TestRunSnapshot"/> once the run is ended and cleaned up. Both read the same way.
/// </summary>
public sealed class TestRunViews(InstanceQueries instances, ConversationHistory history)
{
    private const int TranscriptLength = 200;

    private const string Ended = "Ended";

    /// <summary>The run as it is now; <see cref="InstanceNotFoundException"/> when its instance was deleted meanwhile.</summary>
    public async Task<TestRunView> LiveAsync(TestRunRecord record, CancellationToken cancellationToken)
    {
        var messages = await history.GetAsync(record.BusinessId, record.ContactKey, TranscriptLength, cancellationToken);
        InstanceDetails? details = record.InstanceId is { } id ? await instances.GetAsync(record.Tenant, id, cancellationToken) : null;
        var handOver = TestRunHandOvers.From(details?.Journal);
        var status = record.EndedAt is not null ? Ended
            : details is null ? "NotStarted"
            : details.Summary.Status == InstanceStatus.Completed && handOver is not null ? TestRunHandOvers.HandedOver
            : details.Summary.Status.ToString();
        return new TestRunView(
            record.Id,
            record.FlowId,
            record.SandboxFlowId,
            record.ContactKey,
            status,
            record.InstanceId,
            details?.Summary.CurrentNodeId ?? (details is null ? record.StartNodeId : null),
            details?.Summary.WakeAt is { } wake && details.Summary.Status == InstanceStatus.Waiting && details.Wait?.WakeAt is not null ? wake : null,
            details?.Bookmarks.Where(b => !b.Resumed).Select(b => b.EventName).Distinct().ToList() ?? (record.StartEvent is { } e ? [e] : []),
            details?.Incident?.Message,
            messages,
            details?.Journal ?? [],
            handOver);
    }

    /// <summary>What an ended run keeps of its live view before its data is deleted.</summary>
    public async Task<TestRunSnapshot> SnapshotAsync(TestRunRecord record, CancellationToken cancellationToken)
    {
        var view = await LiveAsync(record, cancellationToken);
        return new TestRunSnapshot(view.CurrentNodeId, view.Incident, view.Messages, view.Journal);
    }

    /// <summary>An ended run read back from its snapshot: the same shape, nothing waiting any more.</summary>
    public static TestRunView FromSnapshot(TestRunRecord record, TestRunSnapshot snapshot) => new(
        record.Id,
        record.FlowId,
        record.SandboxFlowId,
        record.ContactKey,
        Ended,
        record.InstanceId,
        snapshot.CurrentNodeId,
        null,
        [],
        snapshot.Incident,
        snapshot.Messages,
        snapshot.Journal,
        TestRunHandOvers.From(snapshot.Journal));
}
