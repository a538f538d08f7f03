using System.Text.Json;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence.Records;
using HaloAgent.Engine.Values;

namespace HaloAgent.Engine.Runtime.Persistence;

/// <summary>Maps the executor's in-memory instance state to and from the columns of <c>flow_instances</c>.</summary>
internal static class InstanceStateMapper
{
    public static FlowInstanceState ToState(InstanceRecord record)
    {
        var data = PlainValue.ObjectFromJson(record.Data);
        return new FlowInstanceState
        {
            Id = record.Id,
            FlowId = record.FlowId,
            Version = record.Version,
            CorrelationKey = record.CorrelationKey,
            Status = Enum.Parse<InstanceStatus>(record.Status),
            CurrentNodeId = record.CurrentNodeId,
            Variables = data.GetValueOrDefault("vars") as Dictionary<string, object?> ?? new(StringComparer.Ordinal),
            Event = data.GetValueOrDefault("event"),
            NodeOutputs = data.GetValueOrDefault("nodes") as Dictionary<string, object?> ?? new(StringComparer.Ordinal),
            Sequence = record.Sequence,
            Incident = record.Incident is null ? null : JsonSerializer.Deserialize<Incident>(record.Incident, JsonOptions),
            Wait = record.Wait is null ? null : JsonSerializer.Deserialize<Wait>(record.Wait, JsonOptions),
            Budget = ToBudget(data.GetValueOrDefault("budget")),
        };
    }

    public static string SerializeData(FlowInstanceState state) =>
        PlainValue.Serialize(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["vars"] = state.Variables,
            ["event"] = state.Event,
            ["nodes"] = state.NodeOutputs,
            ["budget"] = state.Budget.WindowStart is { } start
                ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["since"] = (decimal)start.ToUnixTimeMilliseconds(), ["steps"] = (decimal)state.Budget.Steps }
                : null,
        });

    /// <summary>The step budget's window travels in the data column: no migration, and old rows simply start a fresh window.</summary>
    private static StepBudget ToBudget(object? stored) =>
        stored is Dictionary<string, object?> budget && budget.GetValueOrDefault("since") is decimal since && budget.GetValueOrDefault("steps") is decimal steps
            ? new StepBudget { WindowStart = DateTimeOffset.FromUnixTimeMilliseconds((long)since), Steps = (int)steps }
            : new StepBudget();

    public static string? SerializeWait(Wait? wait) => wait is null ? null : JsonSerializer.Serialize(wait, JsonOptions);

    public static string? SerializeIncident(Incident? incident) => incident is null ? null : JsonSerializer.Serialize(incident, JsonOptions);

    public static string SerializeJournal(IReadOnlyList<JournalEntry> entries) => JsonSerializer.Serialize(entries, JsonOptions);

    public static JsonArray ParseJournal(string entries) => JsonNode.Parse(entries) as JsonArray ?? [];

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
