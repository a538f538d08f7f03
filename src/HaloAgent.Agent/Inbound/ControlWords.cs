using HaloAgent.AI;

namespace HaloAgent.Agent.Inbound;

/// <summary>
/// STOP and START in any of the five languages, recognised by the deterministic NLU (never the LLM), so opting out
/// always works and never depends on a model or a network call.
/// </summary>
public sealed class ControlWords(RuleBasedUnderstanding rules)
{
    public const string Stop = "stop";
    public const string Start = "start";

    public string? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return null;
        }

        var result = rules.UnderstandAsync(new UnderstandRequest(text, null, []), CancellationToken.None).GetAwaiter().GetResult();
        return result.Intent switch
        {
            Intent.Stop => Stop,
            Intent.Start => Start,
            _ => null,
        };
    }
}
