namespace HaloAgent.Engine.Activities;

/// <summary>How long every pass through a node is known to wait; the loop rule needs a real wait on every cycle.</summary>
public readonly record struct LoopWait(LoopWaitKind Kind, TimeSpan Duration = default)
{
    public static LoopWait None { get; } = new(LoopWaitKind.None);

    /// <summary>Waits for an event from outside (a message, a payment): the world sets the pace, not the flow.</summary>
    public static LoopWait ForEvent { get; } = new(LoopWaitKind.Event);

    /// <summary>A duration only known at run time; inside a loop the engine raises it to the minimum.</summary>
    public static LoopWait Computed { get; } = new(LoopWaitKind.Computed);

    public static LoopWait For(TimeSpan duration) => new(LoopWaitKind.Timer, duration);

    /// <summary>Whether a loop through this node waits long enough.</summary>
    public bool Guards(TimeSpan minimum) => Kind switch
    {
        LoopWaitKind.Event or LoopWaitKind.Computed => true,
        LoopWaitKind.Timer => Duration >= minimum,
        _ => false,
    };
}

public enum LoopWaitKind
{
    None,
    Event,
    Timer,
    Computed,
}
