namespace HaloAgent.AI;

/// <summary>
/// The OpenAI-compatible chat endpoint used for understanding (config section "HaloAgent:Llm"). Groq, Ollama, vLLM and
/// Meta's Llama API all speak the protocol; only the base URL, key and model differ.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "HaloAgent:Llm";

    /// <summary>Off by default: the built-in rules need no key and no network.</summary>
    public bool Enabled { get; set; }

    /// <summary>The API root the SDK appends "chat/completions" to, e.g. https://api.groq.com/openai/v1 or http://localhost:11434/v1.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Bearer key; may be empty for local servers such as Ollama.</summary>
    public string? ApiKey { get; set; }

    /// <summary>e.g. llama-3.3-70b-versatile (Groq), llama3.3 (Ollama).</summary>
    public string? Model { get; set; }

    /// <summary>
    /// The whole budget for one message, after which the rules answer instead. A customer waiting on WhatsApp sees
    /// the typing indicator for at most 25 s; 8 s leaves room for the reply.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Enabled and complete enough to call: an absolute http(s) base URL, a model and a positive timeout.</summary>
    public bool IsUsable =>
        Enabled
        && Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && !string.IsNullOrWhiteSpace(Model)
        && Timeout > TimeSpan.Zero;
}
