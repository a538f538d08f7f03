namespace HaloAgent.Engine.Execution;

/// <summary>
/// Steps an instance ran in its current window. It travels with the instance's state (and is stored with it), so a
/// runaway is caught across runs, events and nodes, not only within one run.
/// </summary>
public sealed class StepBudget
{
    public DateTimeOffset? WindowStart { get; set; }

    public int Steps { get; set; }

    /// <summary>Counts one step; false when the window's budget is already spent.</summary>
    public bool TryTake(DateTimeOffset now, EngineLimits limits)
    {
        if (WindowStart is not { } start || now - start >= limits.StepWindow || now < start)
        {
            WindowStart = now;
            Steps = 0;
        }

        if (Steps >= limits.MaxStepsPerWindow)
        {
            return false;
        }

        Steps++;
        return true;
    }

    /// <summary>A person retried the instance: it gets a fresh window.</summary>
    public void Reset()
    {
        WindowStart = null;
        Steps = 0;
    }
}
