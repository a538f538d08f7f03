namespace HaloAgent.AI.Tests.Support;

/// <summary>Shorthand for asking the built-in NLU about one message against <see cref="TestCatalog"/>.</summary>
public static class Rules
{
    private static readonly RuleBasedUnderstanding Nlu = new();

    public static Task<Understanding> UnderstandAsync(string text, string? awaitingSlot = null, string? preferredLanguage = null) =>
        Nlu.UnderstandAsync(
            new UnderstandRequest(text, preferredLanguage, TestCatalog.Entries) { AwaitingSlot = awaitingSlot },
            CancellationToken.None);
}
