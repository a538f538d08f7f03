using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Engine.Validation;
using HaloAgent.Engine.Values;
using HaloAgent.Integrations.Tests.Support;

namespace HaloAgent.Integrations.Tests.Http;

/// <summary>The HTTP request activity in real flows on the real engine, against a fake receiver on loopback.</summary>
public sealed class HttpRequestActivityTests
{
    private static string Flow(string url, string method = "POST", string extraInputs = "", string retry = "") => $$$"""
        {
          "id": "call", "name": "Call another tool",
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "call", "type": "HttpRequest", {{{retry}}}
              "inputs": {
                "method": "{{{method}}}", "url": "{{{url}}}", "variable": "response",
                "headers": "X-Api-Key: key-{{instance.correlationKey}}\nAccept: application/json",
                "body": "{\"contact\": \"{{instance.correlationKey}}\", \"count\": 2}"{{{extraInputs}}}
              } },
            { "id": "ok", "type": "SetVariable", "inputs": { "name": "result", "value": "'ok'" } },
            { "id": "failed", "type": "SetVariable", "inputs": { "name": "result", "value": "'failed'" } }
          ],
          "edges": [
            { "from": "start", "to": "call" },
            { "from": "call", "outcome": "Success", "to": "ok" },
            { "from": "call", "outcome": "Failed", "to": "failed" }
          ]
        }
        """;

    private static async Task<(InstanceDetails Details, JsonNode Vars)> RunAsync(IntegrationsHost host, string flow)
    {
        await host.PublishAsync(flow);
        var details = await host.InstanceAsync(await host.StartFlowAsync("call"));
        return (details, PlainValue.ToJson(details.Variables.ToDictionary(v => v.Key, v => v.Value))!);
    }

    [Fact]
    public async Task A_2xx_answer_goes_on_by_Success_with_status_and_parsed_body_in_the_variable_and_the_templates_rendered()
    {
        await using var receiver = await FakeReceiver.StartAsync();
        await using var host = await IntegrationsHost.StartAsync(DatabaseProvider.Sqlite, o => o.AllowPrivateTargets = true);
        var (details, vars) = await RunAsync(host, Flow($"{receiver.Url}/n8n/lead"));

        details.Summary.Status.ShouldBe(InstanceStatus.Completed, details.Incident?.Message);
        vars["result"]!.GetValue<string>().ShouldBe("ok");
        vars["response"]!["status"]!.ToJsonString().ShouldBe("200");
        vars["response"]!["json"]!["echo"]!["contact"]!.GetValue<string>().ShouldBe("contact-1");
        var request = receiver.Requests.Single();
        request.Method.ShouldBe("POST");
        request.Headers["X-Api-Key"].ShouldBe("key-contact-1");
        request.Headers["Content-Type"].ShouldStartWith("application/json");
        JsonNode.Parse(Encoding.UTF8.GetString(request.Body))!["count"]!.ToJsonString().ShouldBe("2");
    }

    [Fact]
    public async Task A_4xx_answer_goes_on_by_Failed_without_retrying()
    {
        await using var receiver = await FakeReceiver.StartAsync();
        receiver.Answer("/crm", 422);
        await using var host = await IntegrationsHost.StartAsync(DatabaseProvider.Sqlite, o => o.AllowPrivateTargets = true);
        var (details, vars) = await RunAsync(host, Flow($"{receiver.Url}/crm", retry: "\"retry\": { \"maxRetries\": 2, \"delay\": \"00:00:00.010\" },"));

        vars["result"]!.GetValue<string>().ShouldBe("failed");
        vars["response"]!["status"]!.ToJsonString().ShouldBe("422");
        receiver.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_5xx_is_retried_by_the_node_s_retry_policy_and_then_succeeds()
    {
        await using var receiver = await FakeReceiver.StartAsync();
        receiver.Answer("/flaky", 500, 503);
        await using var host = await IntegrationsHost.StartAsync(DatabaseProvider.Sqlite, o => o.AllowPrivateTargets = true);
        var (details, vars) = await RunAsync(host, Flow($"{receiver.Url}/flaky", retry: "\"retry\": { \"maxRetries\": 3, \"delay\": \"00:00:00.010\", \"exponential\": false },"));

        details.Summary.Status.ShouldBe(InstanceStatus.Completed, details.Incident?.Message);
        vars["result"]!.GetValue<string>().ShouldBe("ok");
        receiver.Requests.Count.ShouldBe(3);
        receiver.Requests.Select(r => r.Headers["Idempotency-Key"]).Distinct().ShouldHaveSingleItem().ShouldStartWith(details.Summary.Id + ":");
        details.Journal.Single(e => e!["nodeId"]!.GetValue<string>() == "call")!["attempts"]!.ToJsonString().ShouldBe("3");
    }

    [Fact]
    public async Task A_request_that_outlasts_its_timeout_faults_the_step_with_the_reason()
    {
        await using var receiver = await FakeReceiver.StartAsync();
        await using var host = await IntegrationsHost.StartAsync(DatabaseProvider.Sqlite, o => o.AllowPrivateTargets = true);
        var started = DateTime.UtcNow;
        var (details, _) = await RunAsync(host, Flow($"{receiver.Url}/slow", method: "GET", extraInputs: ", \"timeout\": 1"));

        details.Summary.Status.ShouldBe(InstanceStatus.Faulted);
        details.Incident!.Message.ShouldContain("within 1 s");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(4.5), "the fake answers after 5 s; the step gave up after 1 s");
    }

    [Fact]
    public async Task Loopback_is_refused_when_private_targets_are_not_allowed()
    {
        await using var receiver = await FakeReceiver.StartAsync();
        await using var host = await IntegrationsHost.StartAsync(DatabaseProvider.Sqlite);
        var (details, _) = await RunAsync(host, Flow($"{receiver.Url}/n8n/lead"));

        details.Summary.Status.ShouldBe(InstanceStatus.Faulted);
        details.Incident!.Message.ShouldContain("127.0.0.1");
        details.Incident.Message.ShouldContain("AllowPrivateTargets");
        receiver.Requests.ShouldBeEmpty("nothing may reach a loopback service");
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.1.2.3/admin")]
    [InlineData("http://[::1]:9/")]
    public async Task A_redirect_to_a_private_address_is_refused_even_when_the_first_host_is_allowed(string target)
    {
        await using var receiver = await FakeReceiver.StartAsync();
        // Only the fake's own address is allowed, as an admin would allow one self-hosted n8n: the rest stays refused.
        await using var host = await IntegrationsHost.StartAsync(DatabaseProvider.Sqlite, o => o.AllowedPrivateAddresses = ["127.0.0.1"]);
        var (details, _) = await RunAsync(host, Flow($"{receiver.Url}/redirect?to={Uri.EscapeDataString(target)}", method: "GET"));

        details.Summary.Status.ShouldBe(InstanceStatus.Faulted);
        details.Incident!.Message.ShouldContain("refused");
    }

    [Theory]
    [InlineData("url", "ftp://example.com/file", "POST", "not an absolute http or https URL")]
    [InlineData("url", "not a url", "POST", "not an absolute http or https URL")]
    [InlineData("method", "https://example.com/hook", "FETCH", "")]
    public async Task A_bad_url_or_method_is_refused_at_publish_naming_the_node_and_input(string field, string url, string method, string message)
    {
        await using var host = await IntegrationsHost.StartAsync(DatabaseProvider.Sqlite);
        var refused = await Should.ThrowAsync<FlowValidationException>(() => host.PublishAsync(Flow(url, method)));
        refused.Errors.ShouldContain(e => e.NodeId == "call" && e.Field == field && e.Message.Contains(message));
    }
}
