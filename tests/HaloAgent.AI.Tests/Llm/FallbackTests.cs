using System.Diagnostics;
using HaloAgent.AI.Tests.Support;

namespace HaloAgent.AI.Tests.Llm;

/// <summary>Whenever the model fails, the built-in rules answer, with the rules' (correct) reading of the message.</summary>
public class FallbackTests
{
    private const string Text = "abeg make I get jollof rice 2";

    public static TheoryData<string, FakeReply> Failures => new()
    {
        { "HTTP 500", FakeReply.Error(500) },
        { "HTTP 503", FakeReply.Error(503) },
        { "HTTP 401", FakeReply.Error(401) },
        { "HTTP 429", FakeReply.Error(429) },
        { "a body that is not JSON", FakeReply.Raw("<html>Bad gateway</html>") },
        { "truncated JSON", FakeReply.Raw("""{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":""") },
        { "JSON that is not a completion", FakeReply.Raw("""{"hello":"world"}""") },
        { "an empty choices list", FakeReply.Raw("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[]}""") },
        { "text instead of tool calls", FakeReply.Text("Sure! 2 jollof rice coming up, that will be ₦10.") },
        { "no tool calls at all", FakeReply.ToolCalls() },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failing_model_falls_back_to_the_rules(string failure, FakeReply reply)
    {
        await using var harness = await LlmHarness.StartAsync();
        harness.Server.Replies(reply);
        var rules = await Support.Rules.UnderstandAsync(Text);

        var result = await harness.UnderstandAsync(Text);

        result.ShouldBe(rules, failure);
        result.Provider.ShouldBe(Providers.Rules);
        result.Intent.ShouldBe(Intent.Order);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 2)]);
        result.Language.ShouldBe("pcm");
        harness.Server.Requests.Count.ShouldBe(1, "no retries: the customer is waiting and the rules are instant");
    }

    [Fact]
    public async Task A_model_slower_than_the_timeout_falls_back_to_the_rules()
    {
        var timeout = TimeSpan.FromMilliseconds(300);
        var serverDelay = TimeSpan.FromSeconds(20);
        await using var harness = await LlmHarness.StartAsync(timeout);
        harness.Server.Replies(FakeReply.ToolCalls(("report_intent", new { intent = "cancel", language = "en", confidence = 1.0 })) with { Delay = serverDelay });

        var stopwatch = Stopwatch.StartNew();
        var result = await harness.UnderstandAsync(Text);
        stopwatch.Stop();

        result.Provider.ShouldBe(Providers.Rules);
        result.Intent.ShouldBe(Intent.Order, "the rules' answer, not the late model's 'cancel'");
        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 2)]);
        stopwatch.Elapsed.ShouldBeLessThan(serverDelay / 2, "the budget cut the call short");
        harness.Log.Lines.ShouldContain(l => l.Contains("did not answer within"));
    }

    [Fact]
    public async Task An_unreachable_server_falls_back_to_the_rules()
    {
        await using var harness = await LlmHarness.StartAsync(baseUrl: _ => "http://127.0.0.1:9/v1");

        var result = await harness.UnderstandAsync(Text);

        result.Provider.ShouldBe(Providers.Rules);
        result.Items.ShouldBe([new ItemMention(TestCatalog.Jollof, 2)]);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_swallowed_as_a_fallback()
    {
        await using var harness = await LlmHarness.StartAsync(TimeSpan.FromSeconds(30));
        harness.Server.Replies(FakeReply.ToolCalls() with { Delay = TimeSpan.FromSeconds(30) });
        using var caller = new CancellationTokenSource();

        var pending = harness.Llm.UnderstandAsync(new UnderstandRequest(Text, null, TestCatalog.Entries), caller.Token);
        await harness.Server.FirstRequest.WaitAsync(TimeSpan.FromSeconds(10));
        await caller.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => pending);
    }
}
