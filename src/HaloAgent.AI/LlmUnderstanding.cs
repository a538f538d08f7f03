using System.ClientModel;
using System.ClientModel.Primitives;
using HaloAgent.AI.Llm;
using HaloAgent.AI.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace HaloAgent.AI;

/// <summary>
/// Understanding through an OpenAI-compatible chat API with tool calling. The model may only call the tools in
/// <see cref="ChatTools"/>, every call is validated against the catalog, and whenever the model fails, is slow, talks
/// nonsense or has everything refused, the built-in rules answer instead.
/// </summary>
public sealed class LlmUnderstanding : IMessageUnderstanding
{
    private const int MaxRecentTurns = 6;
    private const int MaxTurnLength = 500;

    private readonly LlmOptions options;
    private readonly RuleBasedUnderstanding rules;
    private readonly ILogger<LlmUnderstanding> logger;
    private readonly ChatClient? client;
    private readonly AiMetrics? metrics;

    public LlmUnderstanding(IOptions<LlmOptions> options, RuleBasedUnderstanding rules, ILogger<LlmUnderstanding> logger, AiMetrics? metrics = null)
    {
        this.metrics = metrics;
        this.options = options.Value;
        this.rules = rules;
        this.logger = logger;
        if (this.options.IsUsable)
        {
            client = new ChatClient(
                this.options.Model,
                // Local servers (Ollama, vLLM) take no key, but the SDK insists on a credential.
                new ApiKeyCredential(string.IsNullOrWhiteSpace(this.options.ApiKey) ? "no-key" : this.options.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(this.options.BaseUrl!),
                    NetworkTimeout = this.options.Timeout,
                    // No retries: the customer is waiting, and the rules answer at once when the model does not.
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                });
        }
    }

    /// <summary>Whether the LLM is enabled and configured; when not, every message goes to the rules.</summary>
    public bool IsConfigured => client is not null;

    public async Task<Understanding> UnderstandAsync(UnderstandRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The rules run first: they are the fallback, and they are instant.
        var fallback = await rules.UnderstandAsync(request, ct);
        if (client is null || !WorthAsking(fallback, request))
        {
            return fallback;
        }

        IReadOnlyList<ChatToolCall> toolCalls;
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            budget.CancelAfter(options.Timeout);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var completion = await client.CompleteChatAsync(BuildMessages(request), BuildOptions(), budget.Token);
                toolCalls = completion.Value.ToolCalls;
                metrics?.Call("ok", System.Diagnostics.Stopwatch.GetElapsedTime(started), completion.Value.Usage?.InputTokenCount, completion.Value.Usage?.OutputTokenCount);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("LLM did not answer within {Timeout}; the rules answer instead", options.Timeout);
                metrics?.Failed("timeout", System.Diagnostics.Stopwatch.GetElapsedTime(started));
                return fallback;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A 5xx, a refused key, an unreachable host, a body that is not a chat completion: all mean "use the rules".
                logger.LogWarning(exception, "LLM call failed ({Error}); the rules answer instead", exception.GetType().Name);
                metrics?.Failed("error", System.Diagnostics.Stopwatch.GetElapsedTime(started));
                return fallback;
            }
        }

        var proposed = (toolCalls ?? [])
            .Where(c => c is not null)
            .Select(c => new ProposedToolCall(c.FunctionName ?? string.Empty, SafeArguments(c)))
            .ToList();
        var outcome = new ToolCallValidator(request.Catalog ?? [], logger).Validate(proposed);
        if (outcome.Accepted == 0)
        {
            logger.LogWarning("LLM made {Count} tool calls and none was valid; the rules answer instead", proposed.Count);
            metrics?.Fallback("invalid");
            return fallback;
        }

        if (outcome.Refused > 0)
        {
            logger.LogInformation("LLM: {Accepted} tool calls used, {Refused} refused", outcome.Accepted, outcome.Refused);
        }

        return Compose(outcome, fallback);
    }

    /// <summary>
    /// Opt-out and opt-in keywords, and messages with no words at all, are decided by the rules alone: STOP must mean
    /// stop whatever a model thinks, and there is nothing for a model to read in an emoji.
    /// </summary>
    private static bool WorthAsking(Understanding fallback, UnderstandRequest request) =>
        !string.IsNullOrEmpty(request.Text)
        && request.Text.Any(char.IsLetterOrDigit)
        && !(fallback.Intent is Intent.Stop or Intent.Start && fallback.Confidence >= 0.8);

    private static Understanding Compose(ToolCallOutcome outcome, Understanding fallback)
    {
        var intent = outcome.Intent ?? (
            outcome.Items.Count > 0 || outcome.Fulfilment is not null ? Intent.Order
            : outcome.Quantity is not null ? Intent.Quantity
            : Intent.Unknown);

        // A model that tried to set a price or an absurd quantity got something wrong; say so in the confidence.
        var confidence = outcome.Confidence ?? 0.8;
        if (outcome.Suspicious)
        {
            confidence *= 0.7;
        }

        return new Understanding
        {
            Intent = intent,
            Confidence = Math.Round(Math.Clamp(confidence, 0, 1), 2),
            Language = outcome.Language ?? fallback.Language,
            Items = outcome.Items,
            Quantity = outcome.Quantity ?? (outcome.Items.Count == 1 ? outcome.Items[0].Quantity : null),
            Fulfilment = outcome.Fulfilment ?? (outcome.Address is not null ? Fulfilment.Delivery : null),
            Address = outcome.Address,
            Affirmative = intent switch
            {
                Intent.Confirm => true,
                Intent.Decline => false,
                _ => null,
            },
            Provider = Providers.Llm,
            UnknownProducts = outcome.UnknownProducts,
        };
    }

    private static List<ChatMessage> BuildMessages(UnderstandRequest request)
    {
        var messages = new List<ChatMessage> { new SystemChatMessage(SystemPrompt.Build(request)) };
        foreach (var turn in (request.RecentTurns ?? []).Where(t => t is not null && !string.IsNullOrWhiteSpace(t.Text)).TakeLast(MaxRecentTurns))
        {
            var text = InputText.Prepare(turn.Text);
            text = text.Length <= MaxTurnLength ? text : text[..MaxTurnLength];
            messages.Add(string.Equals(turn.Role, ConversationTurn.Agent, StringComparison.OrdinalIgnoreCase)
                ? new AssistantChatMessage(text)
                : new UserChatMessage(text));
        }

        messages.Add(new UserChatMessage(InputText.Prepare(request.Text)));
        return messages;
    }

    private static ChatCompletionOptions BuildOptions()
    {
        var chatOptions = new ChatCompletionOptions
        {
            Temperature = 0,
            ToolChoice = ChatToolChoice.CreateRequiredChoice(),
        };
        foreach (var tool in ChatTools.All)
        {
            chatOptions.Tools.Add(tool);
        }

        return chatOptions;
    }

    private static string SafeArguments(ChatToolCall call)
    {
        try
        {
            return call.FunctionArguments?.ToString() ?? string.Empty;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return string.Empty;
        }
    }
}
