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

    public async Task<string?> DetectAsync(string? text, CancellationToken cancellationToken)
    {
        // Control words are whole short messages; anything longer goes to the flow's own understanding step.
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return null;
        }

        var result = await rules.UnderstandAsync(new UnderstandRequest(text, null, []), cancellationToken);
        return result.Intent switch
        {
            Intent.Stop => Stop,
            Intent.Start => Start,
            _ => null,
        };
    }
}
