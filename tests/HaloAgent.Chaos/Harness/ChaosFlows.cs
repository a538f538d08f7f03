namespace HaloAgent.Chaos;

/// <summary>The flows the scenarios import next to the shipped ones (the ordering flow answers the customers).</summary>
public static class ChaosFlows
{
    public const string TimerFlowId = "chaos-timer";
    public const string BroadcastFlowId = "chaos-broadcast";
    public const string FollowUpFlowId = "chaos-follow-up";
    public const string BroadcastEvent = "chaos.broadcast";

    /// <summary>The Delay node of <see cref="Timer"/> and <see cref="FollowUp"/>.</summary>
    public const string TimerNode = "pause";

    /// <summary>The variable <see cref="Timer"/> and <see cref="FollowUp"/> increment once after their Delay.</summary>
    public const string Counter = "fired";

    /// <summary>Started by hand: waits <paramref name="delay"/>, then counts the firing once in <c>vars.fired</c>.</summary>
    public static string Timer(string delay) => DelayThenCount(TimerFlowId, "Chaos timer", """{ "id": "start", "type": "Start" }""", delay);

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

    /// <summary>Every customer message also starts a timer (a follow-up <paramref name="delay"/> later that counts itself once).</summary>
    public static string FollowUp(string delay) => DelayThenCount(
        FollowUpFlowId, "Chaos follow-up", """{ "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "message.received" } }""", delay);

    /// <summary>
    /// Start, a Delay node <see cref="TimerNode"/>, then <see cref="Counter"/> incremented: the journal's resumes of the
    /// Delay node and the counter both show how often the timer fired (<see cref="ChaosDatabase.TimerInstancesAsync"/>).
    /// </summary>
    private static string DelayThenCount(string id, string name, string start, string delay) => $$"""
        {
          "id": "{{id}}", "name": "{{name}}",
          "nodes": [
            {{start}},
            { "id": "{{TimerNode}}", "type": "Delay", "inputs": { "duration": "{{delay}}" } },
            { "id": "count", "type": "SetVariable", "inputs": { "name": "{{Counter}}", "value": "coalesce(vars.{{Counter}}, 0) + 1" } }
          ],
          "edges": [ { "from": "start", "to": "{{TimerNode}}" }, { "from": "{{TimerNode}}", "to": "count" } ]
        }
        """;
}
