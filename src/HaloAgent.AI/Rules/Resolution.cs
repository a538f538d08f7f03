namespace HaloAgent.AI.Rules;

/// <summary>The intent chosen, and how it was arrived at (which the confidence reflects).</summary>
/// <param name="Inferred">No phrase said it; it follows from entities (products → order, a number → quantity).</param>
/// <param name="FuzzyOnly">Only a typo'd word said it.</param>
internal sealed record Resolution(Intent Intent, bool Inferred, bool FuzzyOnly, bool? Affirmative);
