using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Values;

namespace HaloAgent.Engine.Tests.Support;

/// <summary>Deep copies of instance state: what a store would load again after a crash before the commit.</summary>
public static class StateCopy
{
    public static FlowInstanceState Clone(FlowInstanceState state) => new()
    {
        Id = state.Id,
        FlowId = state.FlowId,
        Version = state.Version,
        CorrelationKey = state.CorrelationKey,
        Status = state.Status,
        CurrentNodeId = state.CurrentNodeId,
        Variables = (Dictionary<string, object?>)PlainValue.Clone(state.Variables)!,
        Event = PlainValue.Clone(state.Event),
        NodeOutputs = (Dictionary<string, object?>)PlainValue.Clone(state.NodeOutputs)!,
        Sequence = state.Sequence,
        Incident = state.Incident,
        Wait = state.Wait,
    };
}
