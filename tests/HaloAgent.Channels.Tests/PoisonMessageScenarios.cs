using System.Net;
using System.Text;
using Dapper;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Channels.Tests;

/// <summary>
/// Poison messages in correctly signed webhooks are dead-lettered after one attempt with their reason and never reach
/// the agent (no contact, no flow); only transient failures are retried. On each real database (subclasses at the end).
/// </summary>
public abstract class PoisonMessageScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private ChannelsHost _host = null!;

    public async Task InitializeAsync() => _host = await ChannelsHost.StartAsync(
        await DatabaseTarget.CreateAsync(provider),
        settings: new Dictionary<string, string?>
        {
            ["HaloAgent:Channels:Inbox:MaxAttempts"] = "10",
            ["HaloAgent:Channels:Inbox:RetryBaseDelay"] = "00:00:10",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A WhatsApp webhook with one message (<paramref name="message"/> is the JSON object) for the test business.</summary>
    internal static byte[] WhatsApp(string message) => Encoding.UTF8.GetBytes(
        """{"object":"whatsapp_business_account","entry":[{"id":"WABA-1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","""
        + $"\"metadata\":{{\"display_phone_number\":\"2348000000000\",\"phone_number_id\":\"{ChannelsHost.PhoneNumberId}\"}},"
        + "\"contacts\":[{\"profile\":{\"name\":\"Ada\"},\"wa_id\":\"2348030000001\"}],\"messages\":["
        + message
        + "]}}]}]}");

    private static string Text(string? from, string body, string id = "wamid.POISON-1") =>
        "{" + (from is null ? "" : $"\"from\":\"{from}\",") + $"\"id\":\"{id}\",\"timestamp\":\"1764000000\",\"type\":\"text\",\"text\":{{\"body\":\"{body}\"}}}}";

    /// <summary>Each poison kind from the report, with the words its reason must contain.</summary>
    public static TheoryData<string, string> PoisonKinds => new()
    {
        { "missing sender", "Invalid sender: missing" },
        { "500-character sender", "500 characters" },
        { "letters in the sender", "is not a phone number" },
        { "invalid UTF-8 in a string", "Invalid UTF-8" },
        { "text over the limit", "exceeds the limit of 4096" },
        { "escaped lone surrogate", "Unreadable webhook" },
    };

    private static byte[] Poison(string kind) => kind switch
    {
        "missing sender" => WhatsApp(Text(null, "hello")),
        "500-character sender" => WhatsApp(Text(new string('9', 500), "hello")),
        "letters in the sender" => WhatsApp(Text("23480ABCDEF01", "hello")),
        "invalid UTF-8 in a string" => InvalidUtf8(),
        "text over the limit" => WhatsApp(Text(ChannelsHost.Customer, new string('a', 4097))),
        "escaped lone surrogate" => WhatsApp(Text(ChannelsHost.Customer, "hi \\ud800 there")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] InvalidUtf8()
    {
        var body = WhatsApp(Text(ChannelsHost.Customer, "hello XX"));
        var at = Encoding.UTF8.GetString(body).IndexOf("XX", StringComparison.Ordinal);
        body[at] = 0xC3; // a lead byte followed by '(' : not UTF-8
        body[at + 1] = 0x28;
        return body;
    }

    private async Task<(string Status, string Error, int Attempts)> InboxRowAsync() =>
        await _host.SqlAsync(c => c.QuerySingleAsync<(string, string, int)>("SELECT status, error, attempts FROM webhook_inbox"));

    [Theory]
    [MemberData(nameof(PoisonKinds))]
    public async Task A_poison_message_is_dead_lettered_after_one_attempt_with_its_reason_and_never_handed_off(string kind, string reason)
    {
        using (var response = await _host.PostAsync(WhatsAppWebhookBuilder.Sign(ChannelsHost.AppSecret, Poison(kind))))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK); // signed: stored and acknowledged, judged off the request path
        }

        (await _host.ProcessAsync()).ShouldBe(1);

        var row = await InboxRowAsync();
        row.Status.ShouldBe("dead");
        row.Attempts.ShouldBe(1);
        row.Error.ShouldContain(reason);
        _host.Handler.Calls.ShouldBe(0); // no contact, no instance: the agent never saw it
        (await _host.CountAsync("channel_inbound_messages")).ShouldBe(0);

        _host.Clock.Advance(TimeSpan.FromDays(1));
        (await _host.ProcessAsync()).ShouldBe(0); // and never retried
        (await InboxRowAsync()).Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task The_good_messages_of_a_webhook_are_handed_off_and_its_poison_one_is_dead_lettered()
    {
        var body = WhatsApp(Text(ChannelsHost.Customer, "good one", "wamid.GOOD-1") + "," + Text("not-a-phone", "bad one", "wamid.BAD-1"));
        using (await _host.PostAsync(WhatsAppWebhookBuilder.Sign(ChannelsHost.AppSecret, body)))
        {
        }

        await _host.ProcessAsync();

        _host.Handler.Messages.ShouldHaveSingleItem().Text.ShouldBe("good one");
        var row = await InboxRowAsync();
        row.Status.ShouldBe("dead");
        row.Error.ShouldContain("not-a-phone");
    }

    [Fact]
    public async Task A_handler_that_reports_a_permanent_failure_dead_letters_the_message_at_once()
    {
        _host.Handler.FailNext(10, () => new PermanentMessageException("The contact is blocked for good."));
        using (await _host.PostAsync(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "hello")))
        {
        }

        await _host.ProcessAsync();

        _host.Handler.Calls.ShouldBe(1);
        var row = await InboxRowAsync();
        (row.Status, row.Attempts).ShouldBe(("dead", 1));
        row.Error.ShouldContain("blocked for good");
    }

    [Fact]
    public async Task A_transient_failure_is_retried_with_backoff_and_then_succeeds()
    {
        // The database behind the agent is briefly unavailable: two timeouts, then it answers.
        _host.Handler.FailNext(2, () => new TimeoutException("database unavailable"));
        using (await _host.PostAsync(new WhatsAppWebhookBuilder().Text(ChannelsHost.Customer, "hello")))
        {
        }

        (await _host.ProcessAsync()).ShouldBe(1);
        var first = await InboxRowAsync();
        (first.Status, first.Attempts).ShouldBe(("pending", 1));
        first.Error.ShouldContain("database unavailable");

        _host.Clock.Advance(TimeSpan.FromSeconds(11));
        (await _host.ProcessAsync()).ShouldBe(1);
        (await InboxRowAsync()).Status.ShouldBe("pending");
        _host.Clock.Advance(TimeSpan.FromSeconds(19));
        (await _host.ProcessAsync()).ShouldBe(0); // backoff doubled: 20 s
        _host.Clock.Advance(TimeSpan.FromSeconds(2));
        (await _host.ProcessAsync()).ShouldBe(1);

        _host.Handler.Messages.ShouldHaveSingleItem().Text.ShouldBe("hello");
        var done = await InboxRowAsync();
        (done.Status, done.Attempts).ShouldBe(("processed", 3));
    }

    public static TheoryData<string, string> TwilioPoison => new()
    {
        { "missing sender", "without a usable From" },
        { "500-character sender", "without a usable From" },
        { "letters in the sender", "without a usable From" },
        { "text over the limit", "exceeds the limit of 4096" },
    };

    [Theory]
    [MemberData(nameof(TwilioPoison))]
    public async Task A_poison_twilio_message_is_dead_lettered_after_one_attempt(string kind, string reason)
    {
        var form = TwilioWebhookBuilder.Text(ChannelsHost.Customer, ChannelsHost.TwilioNumber, kind == "text over the limit" ? new string('a', 4097) : "hello");
        string? from = kind switch
        {
            "missing sender" => null,
            "500-character sender" => new string('9', 500),
            "letters in the sender" => "23480ABCDEF01",
            _ => form["WaId"],
        };
        if (from is null)
        {
            form.Remove("From");
            form.Remove("WaId");
        }
        else
        {
            form["From"] = "whatsapp:+" + from;
            form["WaId"] = from;
        }

        var request = TwilioWebhookBuilder.ToRequest(_host.TwilioUrl, ChannelsHost.TwilioAuthToken, form);
        using (var response = await _host.Http.SendAsync(request))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await _host.ProcessAsync()).ShouldBe(1);

        var row = await InboxRowAsync();
        (row.Status, row.Attempts).ShouldBe(("dead", 1));
        row.Error.ShouldContain(reason);
        _host.Handler.Calls.ShouldBe(0);
        (await _host.CountAsync("channel_inbound_messages")).ShouldBe(0);
    }

    [Fact]
    public async Task A_stored_web_chat_post_that_cannot_be_read_is_dead_lettered_after_one_attempt()
    {
        // The endpoint refuses bad posts before storing them; a row that is bad anyway (an older version, a hand edit)
        // must not be retried either.
        var now = _host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _host.SqlAsync(c => c.ExecuteAsync(
            "INSERT INTO webhook_inbox (id, provider, body, status, received_at, next_attempt_at, attempts) VALUES ('w1', 'webchat', @Body, 'pending', @Now, @Now, 0)",
            new { Body = Encoding.UTF8.GetBytes("""{"sessionId":"x","clientMessageId":"m1","text":"hi","businessId":"biz"}"""), Now = now }));

        (await _host.ProcessAsync()).ShouldBe(1);

        var row = await InboxRowAsync();
        (row.Status, row.Attempts).ShouldBe(("dead", 1));
        row.Error.ShouldContain("sessionId");
        _host.Handler.Calls.ShouldBe(0);
    }
}

public sealed class SqlitePoisonMessageScenarios() : PoisonMessageScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresPoisonMessageScenarios() : PoisonMessageScenarios(DatabaseProvider.Postgres);
