using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Commerce.Tests.Support;

namespace HaloAgent.Commerce.Tests;

public abstract class ContactScenarios(TestDatabase database) : CommerceTest(database)
{
    private IContactService Contacts => Host.Get<IContactService>();

    [Fact]
    public async Task A_contact_is_created_once_whatever_shape_its_number_arrives_in()
    {
        var first = await Contacts.UpsertFromInboundAsync(BusinessId, "2348031112222", "Chioma", null, null, default);
        var again = await Contacts.UpsertFromInboundAsync(BusinessId, "0803 111 2222", "Someone Else", null, null, default);
        var plus = await Contacts.UpsertFromInboundAsync(BusinessId, "+234 803 111 2222", null, null, null, default);

        first.Created.ShouldBeTrue();
        again.Created.ShouldBeFalse();
        plus.Created.ShouldBeFalse();
        again.Contact.Id.ShouldBe(first.Contact.Id);
        plus.Contact.Id.ShouldBe(first.Contact.Id);
        first.Contact.WaId.ShouldBe("2348031112222");
        first.Contact.PhoneE164.ShouldBe("+2348031112222");
        again.Contact.Name.ShouldBe("Chioma", "a profile name never replaces the one we have");
        first.Contact.DataConsent.ShouldBeTrue();
        first.Contact.DataConsentAt.ShouldBe(Host.Now);
        (await Contacts.FindByWaIdAsync(BusinessId, "08031112222", default))!.Id.ShouldBe(first.Contact.Id);
    }

    [Fact]
    public async Task Non_phone_keys_and_foreign_numbers_are_contacts_too()
    {
        var web = await Contacts.UpsertFromInboundAsync(BusinessId, "web:4f1c2a", null, null, null, default);
        var uk = await Contacts.UpsertFromInboundAsync(BusinessId, "447911123456", "Tunde", null, null, default);

        web.Contact.WaId.ShouldBe("web:4f1c2a");
        web.Contact.PhoneE164.ShouldBeNull();
        uk.Contact.PhoneE164.ShouldBe("+447911123456");
    }

    [Fact]
    public async Task The_last_inbound_time_only_moves_forward()
    {
        var contact = await NewContactAsync();
        var later = Host.Now + 60_000;
        await Contacts.UpsertFromInboundAsync(BusinessId, contact.WaId, null, later, null, default);
        var late = await Contacts.UpsertFromInboundAsync(BusinessId, contact.WaId, null, later - 30_000, null, default);

        late.Contact.LastInboundAt.ShouldBe(later);
    }

    [Fact]
    public async Task Every_message_touches_the_contact_even_two_in_the_same_second()
    {
        // WhatsApp stamps messages in whole seconds: a customer's quick second message carries the same time, and the
        // owner's live inbox (which watches the contact's updated time) must still hear of it.
        var contact = await NewContactAsync();
        var sentAt = Host.Now + 60_000;
        var first = await Contacts.UpsertFromInboundAsync(BusinessId, contact.WaId, null, sentAt, null, default);
        Host.Clock.Advance(TimeSpan.FromMilliseconds(300));
        var second = await Contacts.UpsertFromInboundAsync(BusinessId, contact.WaId, null, sentAt, null, default);
        Host.Clock.Advance(TimeSpan.FromMilliseconds(300));
        var late = await Contacts.UpsertFromInboundAsync(BusinessId, contact.WaId, null, sentAt - 30_000, "webchat", default);

        second.Contact.UpdatedAt.ShouldBeGreaterThan(first.Contact.UpdatedAt);
        late.Contact.UpdatedAt.ShouldBeGreaterThan(second.Contact.UpdatedAt, "a late message is news to the inbox too");
        late.Contact.LastInboundAt.ShouldBe(sentAt, "the 24-hour window never moves backwards");
        late.Contact.Channel.ShouldBe("whatsapp", "the channel is the one of the newest message");
    }

    [Fact]
    public async Task Parallel_first_messages_from_one_customer_make_one_contact()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => Contacts.UpsertFromInboundAsync(BusinessId, "2349015550000", "Musa", null, null, default))));

        results.Select(r => r.Contact.Id).Distinct().Count().ShouldBe(1);
        results.Count(r => r.Created).ShouldBe(1);
        await using var db = await Host.DbAsync();
        db.Contacts.Count(c => c.WaId == "2349015550000").ShouldBe(1);
    }

    [Fact]
    public async Task Language_opt_out_and_opt_in_are_recorded_with_their_times()
    {
        var contact = await NewContactAsync();

        (await Contacts.SetLanguageAsync(contact.Id, "yo-NG", default)).ShouldBeTrue();
        (await Contacts.SetLanguageAsync(contact.Id, "klingon", default)).ShouldBeFalse();
        (await Contacts.GetAsync(contact.Id, default))!.PreferredLanguage.ShouldBe("yo");

        await Contacts.OptInAsync(contact.Id, default);
        (await Contacts.GetAsync(contact.Id, default))!.CanReceiveMarketing.ShouldBeTrue();

        Host.Clock.Advance(TimeSpan.FromHours(1));
        var stoppedAt = Host.Now;
        (await Contacts.OptOutAsync(contact.Id, default)).ShouldBeTrue();
        Host.Clock.Advance(TimeSpan.FromHours(1));
        await Contacts.OptOutAsync(contact.Id, default);
        var stopped = (await Contacts.GetAsync(contact.Id, default))!;
        stopped.MarketingOptOut.ShouldBeTrue();
        stopped.MarketingOptOutAt.ShouldBe(stoppedAt, "a repeated STOP keeps the first time");
        stopped.CanReceiveMarketing.ShouldBeFalse();

        (await Contacts.OptInAsync(contact.Id, default)).ShouldBeTrue();
        var started = (await Contacts.GetAsync(contact.Id, default))!;
        started.MarketingOptOut.ShouldBeFalse();
        started.MarketingConsentAt.ShouldBe(Host.Now);
        started.CanReceiveMarketing.ShouldBeTrue();

        (await Contacts.OptOutAsync("nobody", default)).ShouldBeFalse();
    }

    [Fact]
    public async Task Memory_keeps_the_last_twenty_turns_in_order_and_the_facts()
    {
        var contact = await NewContactAsync();
        var memory = Host.Get<IConversationMemory>();
        for (var i = 1; i <= 25; i++)
        {
            await memory.AppendTurnAsync(BusinessId, contact.Id, new ConversationTurn(i % 2 == 1 ? ConversationTurn.Customer : ConversationTurn.Agent, $"turn {i}", Host.Now), default);
        }

        await memory.SetFactAsync(BusinessId, contact.Id, ConversationFacts.Address, "12 Herbert Macaulay Way, Yaba", default);
        await memory.SetFactAsync(BusinessId, contact.Id, ConversationFacts.PreferredLanguage, "ig", default);
        await memory.SetFactAsync(BusinessId, contact.Id, ConversationFacts.PreferredLanguage, "ha", default);
        await memory.SetFactAsync(BusinessId, contact.Id, ConversationFacts.DeliveryZone, "Yaba", default);
        await memory.SetFactAsync(BusinessId, contact.Id, ConversationFacts.DeliveryZone, null, default);

        var recalled = await memory.GetAsync(contact.Id, default);
        recalled.Turns.Count.ShouldBe(20);
        recalled.Turns[0].Text.ShouldBe("turn 6");
        recalled.Turns[^1].Text.ShouldBe("turn 25");
        recalled.Turns[^1].Role.ShouldBe(ConversationTurn.Customer);
        recalled.Fact(ConversationFacts.Address).ShouldBe("12 Herbert Macaulay Way, Yaba");
        recalled.Fact(ConversationFacts.PreferredLanguage).ShouldBe("ha");
        recalled.Fact(ConversationFacts.DeliveryZone).ShouldBeNull();
        (await memory.GetAsync("nobody", default)).Turns.ShouldBeEmpty();
    }

    [Fact]
    public async Task Parallel_appends_lose_no_turn()
    {
        var contact = await NewContactAsync();
        var memory = Host.Get<IConversationMemory>();

        await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(() =>
            memory.AppendTurnAsync(BusinessId, contact.Id, new ConversationTurn(ConversationTurn.Customer, $"m{i}", Host.Now), default))));

        var texts = (await memory.GetAsync(contact.Id, default)).Turns.Select(t => t.Text).ToList();
        texts.Count.ShouldBe(12);
        texts.OrderBy(t => t).ShouldBe(Enumerable.Range(1, 12).Select(i => $"m{i}").OrderBy(t => t));
    }

    [Fact]
    public async Task Long_messages_are_remembered_shortened()
    {
        var contact = await NewContactAsync();
        var memory = Host.Get<IConversationMemory>();
        await memory.AppendTurnAsync(BusinessId, contact.Id, new ConversationTurn(ConversationTurn.Customer, new string('a', 4000), Host.Now), default);

        (await memory.GetAsync(contact.Id, default)).Turns.Single().Text.Length.ShouldBe(1000);
    }
}

public sealed class SqliteContactTests() : ContactScenarios(TestDatabase.Sqlite);

public sealed class PostgresContactTests() : ContactScenarios(TestDatabase.Postgres);
