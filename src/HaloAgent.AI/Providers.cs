namespace HaloAgent.AI;

/// <summary>Values of <see cref="Understanding.Provider"/>: which provider's answer the caller got.</summary>
public static class Providers
{
    public const string Rules = "rules";
    public const string Llm = "llm";
}
