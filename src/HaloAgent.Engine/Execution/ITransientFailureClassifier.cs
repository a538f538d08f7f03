namespace HaloAgent.Engine.Execution;

/// <summary>
/// Recognises failures of the infrastructure under a step that pass by themselves (a database restarting, a session
/// cut, a lock held a moment). The engine knows no database, so the hosts that do register one; a step that throws
/// such a failure is retried in place (<see cref="EngineLimits.TransientRetryBudget"/>) instead of opening an incident.
/// Several may be registered: a failure is transient when any of them says so.
/// </summary>
public interface ITransientFailureClassifier
{
    bool IsTransient(Exception exception);
}
