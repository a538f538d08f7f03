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

    public async Task<string?> DetectAsync(string? text, CancellationToken cancellationToken) =>
        (await DetectAsync(text, null, cancellationToken))?.Control;

    /// <summary>
    /// STOP or START and the language it was said in (the contact's own when the words say little, as "STOP" does), so
    /// the confirmation comes back in that language.
    /// </summary>
    public async Task<ControlWord?> DetectAsync(string? text, string? preferredLanguage, CancellationToken cancellationToken)
    {
        // Control words are whole short messages; anything longer goes to the flow's own understanding step.
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return null;
        }

        var result = await rules.UnderstandAsync(new UnderstandRequest(text, preferredLanguage, []), cancellationToken);
        return result.Intent switch
        {
            Intent.Stop => new ControlWord(Stop, result.Language),
            Intent.Start => new ControlWord(Start, result.Language),
            _ => null,
        };
    }
}

/// <summary>A recognised STOP or START and the language of the message.</summary>
public sealed record ControlWord(string Control, string Language);
