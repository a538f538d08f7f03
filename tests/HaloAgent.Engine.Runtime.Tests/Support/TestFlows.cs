namespace HaloAgent.Engine.Runtime.Tests.Support;

/// <summary>Small flows used across the runtime tests, written as the JSON an owner would import.</summary>
public static class TestFlows
{
    public const string Delay = """
        {
          "id": "delay-flow", "name": "Delay",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "duration": "1h" } },
            { "id": "done", "type": "SetVariable", "inputs": { "name": "fired", "value": "true" } }
          ],
          "edges": [ { "from": "start", "to": "wait" }, { "from": "wait", "to": "done" } ]
        }
        """;

    /// <summary>Starts on order.created for a contact, waits up to 30 minutes for payment.confirmed.</summary>
    public const string Payment = """
        {
          "id": "payment", "name": "Payment", "options": { "singleton": true },
          "nodes": [
            { "id": "start", "type": "Start", "inputs": { "trigger": "event", "event": "order.created" } },
            { "id": "mark", "type": "SetVariable", "inputs": { "name": "order", "value": "event.orderId" } },
            { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "payment.confirmed", "timeout": "30m", "variable": "payment" } },
            { "id": "paid", "type": "SetVariable", "inputs": { "name": "result", "value": "'paid ' + vars.payment.amount" } },
            { "id": "late", "type": "SetVariable", "inputs": { "name": "result", "value": "'timed out'" } }
          ],
          "edges": [
            { "from": "start", "to": "mark" }, { "from": "mark", "to": "wait" },
            { "from": "wait", "outcome": "Received", "to": "paid" },
            { "from": "wait", "outcome": "TimedOut", "to": "late" }
          ]
        }
        """;

    public static string WaitForever(string id = "waiter") => $$"""
        {
          "id": "{{id}}", "name": "Waiter",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "WaitForEvent", "inputs": { "event": "customer.replied", "variable": "reply" } },
            { "id": "after", "type": "SetVariable", "inputs": { "name": "got", "value": "vars.reply.text" } }
          ],
          "edges": [ { "from": "start", "to": "wait" }, { "from": "wait", "outcome": "Received", "to": "after" } ]
        }
        """;
}
