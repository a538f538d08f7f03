using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Definitions;
using HaloAgent.Engine.Templates;
using HaloAgent.Engine.Values;

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

    /// <summary>The wait of a duration input as far as it is known before the flow runs: fixed, computed (a template), or null when the input is not set.</summary>
    internal static LoopWait? OfDuration(FlowNode node, string input)
    {
        if (Written(node, input) is not { } text)
        {
            return null;
        }

        if (!TemplateEngine.IsPlain(text))
        {
            return Computed;
        }

        return DurationParser.TryParse(text, out var duration) ? For(duration) : None;
    }

    /// <summary>Whether the input is a template, so its value (a duration, a date) is only known at run time.</summary>
    internal static bool IsComputed(FlowNode node, string input) => Written(node, input) is { } text && !TemplateEngine.IsPlain(text);

    private static string? Written(FlowNode node, string input) =>
        StartActivity.NodeText(node, input) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;
}

public enum LoopWaitKind
{
    None,
    Event,
    Timer,
    Computed,
}
