using HaloAgent.Platform.Workers;

namespace HaloAgent.Engine.Runtime.Runtime;

/// <summary>
/// This node made an instance runnable (started, resumed by an event, a full batch left more): wake one idle flow
/// worker loop instead of waiting for the next poll. A loop that claims a full batch notifies again, so the others
/// join in when there is more.
/// </summary>
public sealed class WorkSignal : WakeSignal;
