namespace HaloAgent.Chaos;

/// <summary>The flows the scenarios import next to the shipped ones (the ordering flow answers the customers).</summary>
public static class ChaosFlows
{
    public const string TimerFlowId = "chaos-timer";
    public const string BroadcastFlowId = "chaos-broadcast";
    public const string FollowUpFlowId = "chaos-follow-up";
    public const string BroadcastEvent = "chaos.broadcast";

    /// <summary>Started by hand: waits <paramref name="delay"/>, then counts the firing once in <c>vars.fired</c>.</summary>
    public static string Timer(string delay) => $$"""
        {
          "id": "{{TimerFlowId}}", "name": "Chaos timer",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "pause", "type": "Delay", "inputs": { "duration": "{{delay}}" } },
            { "id": "count", "type": "SetVariable", "inputs": { "name": "fired", "value": "coalesce(vars.fired, 0) + 1" } }
          ],
          "edges": [ { "from": "start", "to": "pause" }, { "from": "pause", "to": "count" } ]
        }
        """;

    /// <summary>An event per contact (the correlation key is the contact id) sends them one message: a broadcast.</summary>
    public const string Broadcast = $$"""
        {
          "id": "{{BroadcastFlowId}}", "name": "Chaos broadcast",
          "nodes": [
            { "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "{{BroadcastEvent}}" } },
            { "id": "send", "type": "SendMessage", "inputs": { "template": "thank_you" } }
          ],
          "edges": [ { "from": "start", "to": "send" } ]
        }
        """;

    /// <summary>Every customer message also starts a timer (a follow-up two seconds later that counts itself once).</summary>
    public static string FollowUp(string delay) => $$"""
        {
          "id": "{{FollowUpFlowId}}", "name": "Chaos follow-up",
          "nodes": [
            { "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "message.received" } },
            { "id": "pause", "type": "Delay", "inputs": { "duration": "{{delay}}" } },
            { "id": "count", "type": "SetVariable", "inputs": { "name": "fired", "value": "coalesce(vars.fired, 0) + 1" } }
          ],
          "edges": [ { "from": "start", "to": "pause" }, { "from": "pause", "to": "count" } ]
        }
        """;
}
