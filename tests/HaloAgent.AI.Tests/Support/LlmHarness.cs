using Microsoft.Extensions.Options;

namespace HaloAgent.AI.Tests.Support;

/// <summary>An <see cref="LlmUnderstanding"/> pointed at a <see cref="FakeChatServer"/>, with its log kept.</summary>
public sealed class LlmHarness : IAsyncDisposable
{
    private LlmHarness(FakeChatServer server, LlmUnderstanding llm, ListLogger<LlmUnderstanding> log)
    {
        Server = server;
        Llm = llm;
        Log = log;
    }

    public FakeChatServer Server { get; }

    public LlmUnderstanding Llm { get; }

    public ListLogger<LlmUnderstanding> Log { get; }

    public const string Model = "llama-3.3-70b-versatile";
    public const string ApiKey = "test-key-123";

    public static async Task<LlmHarness> StartAsync(TimeSpan? timeout = null, Func<FakeChatServer, string>? baseUrl = null)
    {
        var server = await FakeChatServer.StartAsync();
        var log = new ListLogger<LlmUnderstanding>();
        var options = new LlmOptions
        {
            Enabled = true,
            BaseUrl = baseUrl?.Invoke(server) ?? server.BaseUrl,
            ApiKey = ApiKey,
            Model = Model,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        };
        return new LlmHarness(server, new LlmUnderstanding(Options.Create(options), new RuleBasedUnderstanding(), log), log);
    }

    public Task<Understanding> UnderstandAsync(string text, string? awaitingSlot = null, string? preferredLanguage = null, IReadOnlyList<ConversationTurn>? turns = null) =>
        Llm.UnderstandAsync(
            new UnderstandRequest(text, preferredLanguage, TestCatalog.Entries) { AwaitingSlot = awaitingSlot, RecentTurns = turns ?? [] },
            CancellationToken.None);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
