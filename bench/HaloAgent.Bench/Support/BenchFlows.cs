namespace HaloAgent.Bench;

/// <summary>The flows the benchmarks run. Only core activities; every run of <see cref="TenNodes"/> executes exactly 10 activities.</summary>
public static class BenchFlows
{
    public const string TenNodesId = "bench-ten";

    public const string TimerId = "bench-timer";

    /// <summary>
    /// Start → SetVariable ×3 (expressions) → Decision → Switch → Log → SetVariable → Split (A/B) → End. Every
    /// outcome of Decision, Switch and Split leads on, so each run executes all 10 nodes.
    /// </summary>
    public const string TenNodes = """
        {
          "id": "bench-ten",
          "name": "Bench: 10 activities",
          "variables": [ { "name": "qty", "type": "number", "default": 0 } ],
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "qty", "type": "SetVariable", "inputs": { "name": "qty", "value": "coalesce(vars.qty, 0) + 3" } },
            { "id": "price", "type": "SetVariable", "inputs": { "name": "price", "value": "2500 * 1.075" } },
            { "id": "total", "type": "SetVariable", "inputs": { "name": "total", "value": "round(vars.qty * vars.price, 2)" } },
            { "id": "big", "type": "Decision", "inputs": { "condition": "vars.total > 5000 && vars.qty >= 1" } },
            { "id": "tier", "type": "Switch", "inputs": { "cases": [
                { "name": "large", "condition": "vars.total >= 10000" },
                { "name": "medium", "condition": "vars.total >= 5000" } ] } },
            { "id": "log", "type": "Log", "inputs": { "message": "Order of {{vars.qty}} for {{vars.total}} ({{instance.id}})", "level": "Information" } },
            { "id": "label", "type": "SetVariable", "inputs": { "name": "label", "value": "upper(\"order-\" + string(vars.total))" } },
            { "id": "split", "type": "Split", "inputs": { "variants": [ { "name": "a", "weight": 50 }, { "name": "b", "weight": 50 } ] } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "to": "qty" },
            { "from": "qty", "to": "price" },
            { "from": "price", "to": "total" },
            { "from": "total", "to": "big" },
            { "from": "big", "outcome": "True", "to": "tier" },
            { "from": "big", "outcome": "False", "to": "tier" },
            { "from": "tier", "outcome": "large", "to": "log" },
            { "from": "tier", "outcome": "medium", "to": "log" },
            { "from": "tier", "outcome": "Default", "to": "log" },
            { "from": "log", "to": "label" },
            { "from": "label", "to": "split" },
            { "from": "split", "outcome": "a", "to": "end" },
            { "from": "split", "outcome": "b", "to": "end" }
          ]
        }
        """;

    /// <summary>Start → Delay 30d → SetVariable → End: an instance parks at the Delay with a durable timer.</summary>
    public const string Timer = """
        {
          "id": "bench-timer",
          "name": "Bench: 30-day timer",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "wait", "type": "Delay", "inputs": { "duration": "30d" } },
            { "id": "mark", "type": "SetVariable", "inputs": { "name": "fired", "value": "true" } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "to": "wait" },
            { "from": "wait", "to": "mark" },
            { "from": "mark", "to": "end" }
          ]
        }
        """;
}
