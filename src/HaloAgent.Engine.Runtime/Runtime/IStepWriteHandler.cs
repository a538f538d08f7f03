using HaloAgent.Engine.Activities;
using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>Stores one kind of <see cref="StepWrite"/> inside the transaction that commits the steps that enlisted them.</summary>
public interface IStepWriteHandler
{
    Type Handles { get; }

    Task WriteAsync(WriteScope scope, IReadOnlyList<StepWrite> writes);
}
