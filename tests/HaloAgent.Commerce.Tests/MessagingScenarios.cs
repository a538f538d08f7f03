using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Messaging;
using HaloAgent.Commerce.Tests.Support;

namespace HaloAgent.Commerce.Tests;

public abstract class MessagingScenarios(TestDatabase database) : CommerceTest(database)
{
    private IMessageLog Log => Host.Get<IMessageLog>();

    private IEscalationService Escalations => Host.Get<IEscalationService>();

    private InboundMessage Inbound(ContactInfo contact, string? wamid, string text = "I wan buy jollof", MessageChannel channel = MessageChannel.Whatsapp) =>
        new(BusinessId, contact.Id, channel, wamid, "text", text, """{"text":{"body":"I wan buy jollof"}}""", Host.Now);

    [Fact]
    public async Task An_inbound_message_redelivered_is_recognised_as_a_duplicate()
    {
        var contact = await NewContactAsync();

        var first = await Log.RecordInboundAsync(Inbound(contact, "wamid.HBgL001"), default);
        var again = await Log.RecordInboundAsync(Inbound(contact, "wamid.HBgL001"), default);
        var otherChannel = await Log.RecordInboundAsync(Inbound(contact, "wamid.HBgL001", channel: MessageChannel.Twilio), default);
        var noId = await Log.RecordInboundAsync(Inbound(contact, null, "from web chat", MessageChannel.Webchat), default);
        var noIdAgain = await Log.RecordInboundAsync(Inbound(contact, null, "from web chat", MessageChannel.Webchat), default);

        first.Duplicate.ShouldBeFalse();
        again.Duplicate.ShouldBeTrue();
        again.MessageId.ShouldBe(first.MessageId);
        otherChannel.Duplicate.ShouldBeFalse();
        noId.Duplicate.ShouldBeFalse();
        noIdAgain.Duplicate.ShouldBeFalse();
        var logged = (await Log.GetAsync(first.MessageId, default))!;
        logged.Direction.ShouldBe(MessageDirection.Inbound);
        logged.Status.ShouldBe(MessageStatus.Received);
        logged.Text.ShouldBe("I wan buy jollof");
        logged.Payload.ShouldContain("body");
    }

    [Fact]
    public async Task Parallel_redeliveries_are_logged_once()
    {
        var contact = await NewContactAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Log.RecordInboundAsync(Inbound(contact, "wamid.burst"), default))));

        results.Count(r => !r.Duplicate).ShouldBe(1);
        results.Select(r => r.MessageId).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Outbound_statuses_only_move_forward_and_keep_each_time()
    {
        var contact = await NewContactAsync();
        var queued = await Log.RecordOutboundAsync(new OutboundMessage(BusinessId, contact.Id, MessageChannel.Whatsapp, "text", "Your order MNK-0001 is placed", IdempotencyKey: "inst:3"), default);
        var repeated = await Log.RecordOutboundAsync(new OutboundMessage(BusinessId, contact.Id, MessageChannel.Whatsapp, "text", "Your order MNK-0001 is placed", IdempotencyKey: "inst:3"), default);
        repeated.Duplicate.ShouldBeTrue();
        repeated.MessageId.ShouldBe(queued.MessageId);
        (await Log.GetAsync(queued.MessageId, default))!.Status.ShouldBe(MessageStatus.Queued);

        var t0 = Host.Now;
        (await Log.MarkSentAsync(queued.MessageId, "wamid.OUT1", t0, default)).ShouldBe(StatusUpdateOutcome.Applied);
        StatusUpdate Update(MessageStatus status, long at, string? code = null) => new(BusinessId, MessageChannel.Whatsapp, "wamid.OUT1", status, at, code);

        (await Log.ApplyStatusAsync(Update(MessageStatus.Read, t0 + 3000), default)).ShouldBe(StatusUpdateOutcome.Applied);
        (await Log.ApplyStatusAsync(Update(MessageStatus.Delivered, t0 + 2000), default)).ShouldBe(StatusUpdateOutcome.Stale);
        (await Log.ApplyStatusAsync(Update(MessageStatus.Read, t0 + 3000), default)).ShouldBe(StatusUpdateOutcome.Stale);
        (await Log.ApplyStatusAsync(Update(MessageStatus.Failed, t0 + 4000, "131026"), default)).ShouldBe(StatusUpdateOutcome.Stale);
        (await Log.ApplyStatusAsync(Update(MessageStatus.Delivered, t0) with { ExternalId = "wamid.unknown" }, default)).ShouldBe(StatusUpdateOutcome.UnknownMessage);

        var message = (await Log.GetAsync(queued.MessageId, default))!;
        message.Status.ShouldBe(MessageStatus.Read);
        message.ExternalId.ShouldBe("wamid.OUT1");
        message.SentAt.ShouldBe(t0);
        message.DeliveredAt.ShouldBe(t0 + 2000);
        message.ReadAt.ShouldBe(t0 + 3000);
        message.FailedAt.ShouldBeNull();
        message.ErrorCode.ShouldBeNull();
    }

    [Fact]
    public async Task A_failed_send_keeps_the_channel_error()
    {
        var contact = await NewContactAsync();
        var outside = await Log.RecordOutboundAsync(new OutboundMessage(BusinessId, contact.Id, MessageChannel.Whatsapp, "text", "Still hungry?"), default);
        var sent = await Log.RecordOutboundAsync(new OutboundMessage(BusinessId, contact.Id, MessageChannel.Whatsapp, "text", "Hello"), default);
        await Log.MarkSentAsync(sent.MessageId, "wamid.OUT2", Host.Now, default);

        (await Log.MarkFailedAsync(outside.MessageId, "131047", "Re-engagement message", Host.Now, default)).ShouldBe(StatusUpdateOutcome.Applied);
        (await Log.ApplyStatusAsync(new StatusUpdate(BusinessId, MessageChannel.Whatsapp, "wamid.OUT2", MessageStatus.Failed, Host.Now, "131050", "User stopped marketing"), default))
            .ShouldBe(StatusUpdateOutcome.Applied);
        (await Log.MarkFailedAsync("nope", "1", null, Host.Now, default)).ShouldBe(StatusUpdateOutcome.UnknownMessage);

        var failed = (await Log.GetAsync(outside.MessageId, default))!;
        failed.Status.ShouldBe(MessageStatus.Failed);
        failed.ErrorCode.ShouldBe("131047");
        failed.FailedAt.ShouldBe(Host.Now);
        (await Log.GetAsync(sent.MessageId, default))!.ErrorCode.ShouldBe("131050");
    }

    [Fact]
    public async Task The_conversation_lists_oldest_first()
    {
        var contact = await NewContactAsync();
        var other = await NewContactAsync();
        for (var i = 1; i <= 5; i++)
        {
            await Log.RecordInboundAsync(Inbound(contact, $"wamid.{i}", $"message {i}"), default);
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await Log.RecordInboundAsync(Inbound(other, "wamid.other"), default);

        (await Log.ListAsync(BusinessId, contact.Id, 3, default)).Select(m => m.Text).ShouldBe(["message 3", "message 4", "message 5"]);
    }

    [Fact]
    public async Task An_escalation_pauses_the_agent_until_it_is_resolved()
    {
        var contact = await NewContactAsync();

        var opened = await Escalations.OpenAsync(BusinessId, contact.Id, "customer asked for a person", "agent", default);
        var again = await Escalations.OpenAsync(BusinessId, contact.Id, "low confidence", "agent", default);

        opened.AlreadyOpen.ShouldBeFalse();
        again.AlreadyOpen.ShouldBeTrue();
        again.Escalation.Id.ShouldBe(opened.Escalation.Id);
        again.Escalation.Reason.ShouldBe("customer asked for a person");
        (await Host.Get<IContactService>().GetAsync(contact.Id, default))!.AgentPaused.ShouldBeTrue();
        (await Escalations.ListOpenAsync(BusinessId, default)).Select(e => e.Id).ShouldBe([opened.Escalation.Id]);

        Host.Clock.Advance(TimeSpan.FromMinutes(10));
        var resolved = await Escalations.ResolveAsync(opened.Escalation.Id, "owner", "refunded the delivery fee", default);

        resolved!.Status.ShouldBe(EscalationStatus.Resolved);
        resolved.ResolvedAt.ShouldBe(Host.Now);
        resolved.ResolvedBy.ShouldBe("owner");
        (await Host.Get<IContactService>().GetAsync(contact.Id, default))!.AgentPaused.ShouldBeFalse();
        (await Escalations.GetOpenAsync(contact.Id, default)).ShouldBeNull();
        (await Escalations.ResolveAsync("missing", "owner", null, default)).ShouldBeNull();

        var next = await Escalations.OpenAsync(BusinessId, contact.Id, "repeated misunderstanding", "agent", default);
        next.AlreadyOpen.ShouldBeFalse("a resolved escalation does not block a new one");
        (await Host.Get<IContactService>().GetAsync(contact.Id, default))!.AgentPaused.ShouldBeTrue();
    }

    [Fact]
    public async Task Parallel_hand_over_requests_open_one_escalation()
    {
        var contact = await NewContactAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Escalations.OpenAsync(BusinessId, contact.Id, "customer asked for a person", "agent", default))));

        results.Count(r => !r.AlreadyOpen).ShouldBe(1);
        results.Select(r => r.Escalation.Id).Distinct().Count().ShouldBe(1);
    }
}

public sealed class SqliteMessagingTests() : MessagingScenarios(TestDatabase.Sqlite);

public sealed class PostgresMessagingTests() : MessagingScenarios(TestDatabase.Postgres);
