using HaloAgent.AI.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HaloAgent.AI.Tests;

public class CompositeUnderstandingTests
{
    [Fact]
    public async Task Without_configuration_the_rules_answer()
    {
        await using var provider = Build(new Dictionary<string, string?>());

        var result = await provider.GetRequiredService<IMessageUnderstanding>()
            .UnderstandAsync(new UnderstandRequest("I wan buy 2 suya", "pcm", TestCatalog.Entries), CancellationToken.None);

        provider.GetRequiredService<IMessageUnderstanding>().ShouldBeOfType<CompositeUnderstanding>();
        result.Provider.ShouldBe(Providers.Rules);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Suya, 2)]);
    }

    [Fact]
    public async Task When_enabled_the_configured_model_answers()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Replies(FakeReply.ToolCalls(
            ("report_intent", new { intent = "order", language = "pcm", confidence = 0.88 }),
            ("select_items", new { items = new[] { new { sku = TestCatalog.Suya, quantity = 2 } } })));
        await using var provider = Build(new Dictionary<string, string?>
        {
            ["HaloAgent:Llm:Enabled"] = "true",
            ["HaloAgent:Llm:BaseUrl"] = server.BaseUrl,
            ["HaloAgent:Llm:ApiKey"] = "from-config",
            ["HaloAgent:Llm:Model"] = "llama3.3",
            ["HaloAgent:Llm:Timeout"] = "00:00:05",
        });

        var result = await provider.GetRequiredService<IMessageUnderstanding>()
            .UnderstandAsync(new UnderstandRequest("I wan buy 2 suya", "pcm", TestCatalog.Entries), CancellationToken.None);

        result.Provider.ShouldBe(Providers.Llm);
        result.Confidence.ShouldBe(0.88);
        var request = server.Requests.ShouldHaveSingleItem();
        request.Model.ShouldBe("llama3.3");
        request.Authorization.ShouldBe("Bearer from-config");
        provider.GetRequiredService<IOptions<LlmOptions>>().Value.Timeout.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_configured_but_disabled_model_is_not_called()
    {
        await using var server = await FakeChatServer.StartAsync();
        await using var provider = Build(new Dictionary<string, string?>
        {
            ["HaloAgent:Llm:Enabled"] = "false",
            ["HaloAgent:Llm:BaseUrl"] = server.BaseUrl,
            ["HaloAgent:Llm:Model"] = "llama3.3",
        });

        var result = await provider.GetRequiredService<IMessageUnderstanding>()
            .UnderstandAsync(new UnderstandRequest("hello", null, TestCatalog.Entries), CancellationToken.None);

        result.Provider.ShouldBe(Providers.Rules);
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void The_default_timeout_is_eight_seconds()
    {
        new LlmOptions().Timeout.ShouldBe(TimeSpan.FromSeconds(8));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddHaloAI(configuration).BuildServiceProvider();
    }
}
