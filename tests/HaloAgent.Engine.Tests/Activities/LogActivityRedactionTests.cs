using HaloAgent.Engine.Activities.Core;
using HaloAgent.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static HaloAgent.Engine.Tests.Support.TestFlows;

namespace HaloAgent.Engine.Tests.Activities;

/// <summary>
/// The Log activity keeps customer data out of the server log: the journal gets the rendered text, the log the text as
/// written in the flow, unless the flow asks for the rendered text or for nothing.
/// </summary>
public sealed class LogActivityRedactionTests
{
    private static readonly Dictionary<string, object?> Customer = new() { ["name"] = "Chiamaka Okonkwo-Bello" };

    [Fact]
    public async Task By_default_the_server_log_gets_the_placeholders_and_the_journal_the_customers_name()
    {
        var (logs, journal) = await RunAsync("""{ "id": "n", "type": "Log", "inputs": { "message": "Welcome {{vars.name}}!" } }""");

        var line = logs.ShouldHaveSingleItem();
        line.Level.ShouldBe(LogLevel.Information);
        line.Message.ShouldContain("Welcome {{vars.name}}!");
        line.Message.ShouldNotContain("Chiamaka");
        journal.Output.ShouldBe("Welcome Chiamaka Okonkwo-Bello!");
    }

    [Fact]
    public async Task A_flow_can_ask_for_the_rendered_text_in_the_server_log()
    {
        var (logs, _) = await RunAsync("""{ "id": "n", "type": "Log", "inputs": { "message": "Hi {{vars.name}}", "serverLog": "Rendered" } }""");

        logs.ShouldHaveSingleItem().Message.ShouldContain("Hi Chiamaka Okonkwo-Bello");
    }

    [Fact]
    public async Task A_flow_can_keep_the_server_log_quiet_and_the_journal_still_has_the_text()
    {
        var (logs, journal) = await RunAsync("""{ "id": "n", "type": "Log", "inputs": { "message": "Hi {{vars.name}}", "serverLog": "Off", "level": "Error" } }""");

        logs.ShouldBeEmpty();
        journal.Output.ShouldBe("Hi Chiamaka Okonkwo-Bello");
    }

    private static async Task<(IReadOnlyList<CapturingLoggerProvider.LogRecord> Logs, HaloAgent.Engine.Execution.JournalEntry Journal)> RunAsync(string node)
    {
        var logs = new CapturingLoggerProvider();
        using var engine = new EngineHarness(services => services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var flow = engine.Compile(StartThen(node));

        var result = await engine.RunAsync(flow, EngineHarness.NewInstance(flow, variables: new Dictionary<string, object?>(Customer)));

        return (logs.Records.Where(r => r.Category == typeof(LogActivity).FullName).ToList(), result.Journal.Single(e => e.NodeId == "n"));
    }
}
