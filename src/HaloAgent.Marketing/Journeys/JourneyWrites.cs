using Dapper;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Marketing.Journeys;

/// <summary>A journey message step's record, stored with the step (so a discarded step leaves none).</summary>
public sealed record JourneyMessageWrite(JourneyMessage Row) : StepWrite;

/// <summary>A goal's conversion, stored with the step that saw the event.</summary>
public sealed record JourneyConversionWrite(JourneyConversion Row) : StepWrite;

/// <summary>A contact's entry into a journey, stored with the step that let them in.</summary>
public sealed record JourneyEntryWrite(JourneyEntry Row) : StepWrite;

/// <summary>
/// Inserts the journey rows on the engine's connection and transaction. Ids are step keys (or instance keys), so a
/// re-run step's row is already there: ON CONFLICT DO NOTHING (the VALUES form parses on SQLite and PostgreSQL alike).
/// </summary>
internal sealed class JourneyMessageWriter : IStepWriteHandler
{
    public Type Handles => typeof(JourneyMessageWrite);

    public Task WriteAsync(WriteScope scope, IReadOnlyList<StepWrite> writes) => scope.Connection.ExecuteAsync(scope.Command("""
        INSERT INTO marketing_journey_messages (id, business_id, contact_id, flow_id, instance_id, node_id, status, mode, language, template_name, reason, at)
        VALUES (@Id, @BusinessId, @ContactId, @FlowId, @InstanceId, @NodeId, @Status, @Mode, @Language, @TemplateName, @Reason, @At)
        ON CONFLICT (id) DO NOTHING
        """, writes.Cast<JourneyMessageWrite>().Select(w => w.Row).ToList()));
}

internal sealed class JourneyConversionWriter : IStepWriteHandler
{
    public Type Handles => typeof(JourneyConversionWrite);

    public Task WriteAsync(WriteScope scope, IReadOnlyList<StepWrite> writes) => scope.Connection.ExecuteAsync(scope.Command("""
        INSERT INTO marketing_journey_conversions (id, flow_id, node_id, instance_id, contact_id, event_name, converted_at)
        VALUES (@Id, @FlowId, @NodeId, @InstanceId, @ContactId, @EventName, @ConvertedAt)
        ON CONFLICT (id) DO NOTHING
        """, writes.Cast<JourneyConversionWrite>().Select(w => w.Row).ToList()));
}

internal sealed class JourneyEntryWriter : IStepWriteHandler
{
    public Type Handles => typeof(JourneyEntryWrite);

    public Task WriteAsync(WriteScope scope, IReadOnlyList<StepWrite> writes) => scope.Connection.ExecuteAsync(scope.Command("""
        INSERT INTO marketing_journey_entries (id, flow_id, contact_id, entered_at)
        VALUES (@Id, @FlowId, @ContactId, @EnteredAt)
        ON CONFLICT (id) DO NOTHING
        """, writes.Cast<JourneyEntryWrite>().Select(w => w.Row).ToList()));
}
