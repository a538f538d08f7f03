namespace HaloAgent.AI.Rules;

/// <summary>A quantity in the message ("2", "x2", "méjì", "guda biyu") spanning tokens [Start, End).</summary>
internal sealed record NumberMention(int Start, int End, int Value);
