namespace HaloAgent.Engine.Activities;

/// <summary>
/// A record an activity wants stored in the same transaction as its step: it is written exactly when the step's
/// result is committed, and dropped with it when the result is discarded (a conflict, a crash before commit).
/// An outbox message enlisted this way is sent once per step, never twice.
/// </summary>
public abstract record StepWrite;

/// <summary>A contact's A/B variant at a Split node, recorded for conversion analysis.</summary>
public sealed record VariantAssigned(string FlowId, string NodeId, string Subject, string Variant, string InstanceId, DateTimeOffset At) : StepWrite;
