using HaloAgent.Platform.Workers;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>Wakes this node's broadcast sender when a broadcast is scheduled or resumed here (other nodes poll).</summary>
public sealed class BroadcastSignal : WakeSignal;
