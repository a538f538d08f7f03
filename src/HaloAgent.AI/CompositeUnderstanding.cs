namespace HaloAgent.AI;

/// <summary>
/// The <see cref="IMessageUnderstanding"/> the application uses: the LLM when it is enabled and configured (falling
/// back to the rules per message), otherwise the built-in rules.
/// </summary>
public sealed class CompositeUnderstanding(LlmUnderstanding llm, RuleBasedUnderstanding rules) : IMessageUnderstanding
{
    public Task<Understanding> UnderstandAsync(UnderstandRequest request, CancellationToken ct) =>
        llm.IsConfigured ? llm.UnderstandAsync(request, ct) : rules.UnderstandAsync(request, ct);
}
