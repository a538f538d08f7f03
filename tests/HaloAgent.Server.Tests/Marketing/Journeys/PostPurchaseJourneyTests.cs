using HaloAgent.Marketing.Journeys;
using HaloAgent.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Marketing.Journeys;

/// <summary>
/// The shipped post-purchase journey end to end with a manual clock: thank-you, tips after 7 days, feedback after 30
/// (a low score hands the chat to the owner), upsell after 90 and its goal; free-form text inside the 24-hour window and
/// the approved template outside it, in the customer's language; exits on a new order and on opt-out; the holdout.
/// </summary>
public sealed class PostPurchaseJourneyTests
{
    private const string Flow = "post-purchase";

    [Fact]
    public async Task Four_steps_in_English_and_Hausa_free_form_inside_the_window_and_the_template_outside_a_low_score_hands_over_and_an_order_converts()
    {
        await using var world = await JourneyWorld.StartAsync();
        var ada = await world.CustomerInGroupAsync("23480355500", "Ada Obi", "en", TimeSpan.FromMinutes(5), heldOut: false);
        var bala = await world.CustomerInGroupAsync("23480355510", "Bala Musa", "ha", TimeSpan.FromDays(2), heldOut: false);

        await world.OrderCompletedAsync(ada);
        await world.OrderCompletedAsync(bala);
        await world.AtAsync(Flow, ada, "wait-tips");
        await world.AtAsync(Flow, bala, "wait-tips");
        var adaThanks = (await world.SentToAsync(ada, 1)).Single();
        adaThanks.Type.ShouldBe("text", "Ada wrote 5 minutes ago: her window is open, so the free-form text goes");
        adaThanks.Text!.ShouldContain("Thank you for your order MNK-0042, Ada Obi");
        var balaThanks = (await world.SentToAsync(bala, 1)).Single();
        balaThanks.Type.ShouldBe("template", "Bala last wrote two days ago: only an approved template may reach him");
        JourneyWorld.TemplateName(balaThanks).ShouldBe("journey_thank_you");
        BroadcastTemplateLanguage(balaThanks).ShouldBe("ha");

        // A week later the window is closed for both: the tips go as templates, in each one's language.
        world.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await world.AtAsync(Flow, ada, "wait-feedback");
        await world.AtAsync(Flow, bala, "wait-feedback");
        var adaTips = (await world.SentToAsync(ada, 2))[1];
        (JourneyWorld.TemplateName(adaTips), BroadcastTemplateLanguage(adaTips)).ShouldBe(("journey_tips", "en"));
        var balaTips = (await world.SentToAsync(bala, 2))[1];
        (JourneyWorld.TemplateName(balaTips), BroadcastTemplateLanguage(balaTips)).ShouldBe(("journey_tips", "ha"));

        // Day 30: the feedback request; Ada scores 1 and the chat is handed to the owner; Bala scores 5.
        world.Advance(TimeSpan.FromDays(23));
        await world.AtAsync(Flow, ada, "wait-score");
        await world.AtAsync(Flow, bala, "wait-score");
        JourneyWorld.TemplateName((await world.SentToAsync(ada, 3))[2]).ShouldBe("journey_feedback");
        await world.RaiseAsync("message.received", ada, new Dictionary<string, object?> { ["text"] = " 1", ["contactId"] = ada.Id });
        await world.RaiseAsync("message.received", bala, new Dictionary<string, object?> { ["text"] = "5", ["contactId"] = bala.Id });
        var adaJourney = await world.AtAsync(Flow, ada, "wait-upsell");
        var balaJourney = await world.AtAsync(Flow, bala, "wait-upsell");
        var adaJournal = await world.JournalAsync(adaJourney.Id);
        JourneyWorld.Step(adaJournal, "low-score")["outcome"]!.GetValue<string>().ShouldBe("True");
        adaJournal.ShouldContain(e => e!["nodeId"]!.GetValue<string>() == "handover", "a score of 1 hands the chat to the owner");
        (await world.JournalAsync(balaJourney.Id)).ShouldNotContain(e => e!["nodeId"]!.GetValue<string>() == "handover");

        // Day 90: the upsell names what they bought; Ada orders within the goal's week, Bala does not.
        world.Advance(TimeSpan.FromDays(57) + TimeSpan.FromMinutes(1));
        await world.AtAsync(Flow, ada, "goal");
        await world.AtAsync(Flow, bala, "goal");
        // Between feedback and upsell Ada also got the agent's replies to her "1" and the hand-over message (not marketing).
        var toAda = await world.SentToAsync(ada, 6);
        toAda.Select(JourneyWorld.TemplateName).OfType<string>().ShouldBe(["journey_tips", "journey_feedback", "journey_upsell"]);
        (await world.SentToAsync(bala, 5)).Select(JourneyWorld.TemplateName).OfType<string>().ShouldBe(
            ["journey_thank_you", "journey_tips", "journey_feedback", "journey_upsell"], "and the agent's answer to his '5'");
        await world.OrderCreatedAsync(ada);
        await world.AtAsync(Flow, ada, null);
        world.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var balaDone = await world.AtAsync(Flow, bala, null);
        JourneyWorld.Step(await world.JournalAsync(balaDone.Id), "goal")["outcome"]!.GetValue<string>().ShouldBe("NotConverted");
        (await world.ConversionsAsync(ada)).Select(c => (c.FlowId, c.NodeId, c.EventName)).ShouldBe([(Flow, "goal", "order.created")]);
        (await world.ConversionsAsync(bala)).ShouldBeEmpty();

        var adaMessages = await world.MessagesAsync(ada);
        adaMessages.Where(m => m.Status == JourneyMessageStatus.Queued).Select(m => (m.NodeId, m.Mode)).ShouldBe(
            [("thank-you", "free_form"), ("tips", "template"), ("feedback", "template"), ("upsell", "template")]);
    }

    [Fact]
    public async Task A_new_order_ends_the_journey_and_an_opt_out_stops_it_before_the_next_message()
    {
        await using var world = await JourneyWorld.StartAsync();
        var ada = await world.CustomerInGroupAsync("23480355520", "Ada Obi", "en", TimeSpan.FromMinutes(5), heldOut: false);
        var chidi = await world.CustomerInGroupAsync("23480355530", "Chidi Eze", "ig", TimeSpan.FromMinutes(5), heldOut: false);
        await world.OrderCompletedAsync(ada);
        await world.OrderCompletedAsync(chidi);
        await world.AtAsync(Flow, ada, "wait-tips");
        await world.AtAsync(Flow, chidi, "wait-tips");
        (await world.SentToAsync(chidi, 1)).Single().Text!.ShouldContain("Daalụ", customMessage: "Chidi reads Igbo inside his window");

        await world.OrderCreatedAsync(ada);
        await world.AtAsync(Flow, ada, null);
        await world.Services.GetRequiredService<HaloAgent.Commerce.Contacts.IContactService>().OptOutAsync(chidi.Id, default);

        world.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var chidiDone = await world.AtAsync(Flow, chidi, null);
        var tips = JourneyWorld.Step(await world.JournalAsync(chidiDone.Id), "tips");
        tips["outcome"]!.GetValue<string>().ShouldBe(SendJourneyMessageActivity.OptedOut);
        tips["output"]!["skipped"]!.GetValue<string>().ShouldBe(JourneySkipReasons.OptedOut);
        (await world.MessagesAsync(chidi)).Last().Reason.ShouldBe(JourneySkipReasons.OptedOut);

        // Give a wrongly queued tip every chance to show up before saying none went.
        await world.World.OutboxSettledAsync(world.Graph.Sent.Count);
        world.Graph.Sent.Count(r => r.To == ada.WaId).ShouldBe(1, "Ada ordered again: only the thank-you");
        world.Graph.Sent.Count(r => r.To == chidi.WaId).ShouldBe(1, "Chidi opted out: only the thank-you");
        (await world.MessagesAsync(ada)).Select(m => m.NodeId).ShouldBe(["thank-you"]);
    }

    [Fact]
    public async Task A_held_out_contact_receives_nothing_and_the_group_is_recorded()
    {
        await using var world = await JourneyWorld.StartAsync();
        var kemi = await world.CustomerInGroupAsync("23480355540", "Kemi Ade", "yo", TimeSpan.FromMinutes(5), heldOut: true);
        await world.OrderCompletedAsync(kemi);
        var done = await world.AtAsync(Flow, kemi, null);
        var holdout = JourneyWorld.Step(await world.JournalAsync(done.Id), "holdout");
        holdout["outcome"]!.GetValue<string>().ShouldBe(HoldoutActivity.Holdout);
        holdout["output"]!["group"]!.GetValue<string>().ShouldBe("holdout");
        (await world.MessagesAsync(kemi)).ShouldBeEmpty();
        world.Graph.Sent.ShouldNotContain(r => r.To == kemi.WaId);
        HoldoutActivity.Group(Flow, kemi.Id, 10).ShouldBe(HoldoutActivity.Holdout, "sticky: the same contact is held out every time");
    }

    private static string? BroadcastTemplateLanguage(HaloAgent.Testing.FakeGraph.FakeGraphRequest request) =>
        HaloAgent.Server.Tests.Marketing.Broadcasts.BroadcastWorld.TemplateLanguage(request);
}
