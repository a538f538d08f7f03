using HaloAgent.Marketing.Journeys;

namespace HaloAgent.Server.Tests.Marketing.Journeys;

/// <summary>
/// Journey rules on the shipped flows with a manual clock: win-back's re-entry (at most once per 90 days), the shared
/// frequency cap skipping or holding a step, and quiet hours holding a step until 08:00 WAT.
/// </summary>
public sealed class JourneyRulesTests
{
    [Fact]
    public async Task Win_back_reaches_a_quiet_customer_once_and_not_again_until_90_days_after_their_last_win_back()
    {
        await using var world = await JourneyWorld.StartAsync();
        var ada = await world.CustomerAsync("2348035556001", "Ada Obi", "en", TimeSpan.FromDays(3));

        await world.OrderCreatedAsync(ada, "MNK-0101");
        await world.AtAsync("win-back", ada, "wait-quiet");
        world.Advance(TimeSpan.FromDays(59));
        await world.AtAsync("win-back", ada, "wait-quiet");
        world.Graph.Sent.ShouldNotContain(r => r.To == ada.WaId, "59 days after her last order is not yet quiet");

        world.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await world.AtAsync("win-back", ada, "goal");
        JourneyWorld.TemplateName((await world.SentToAsync(ada, 1)).Single()).ShouldBe("journey_winback");
        world.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await world.AtAsync("win-back", ada, null);

        // She orders and goes quiet again: 67 days after the win-back, the re-entry rule keeps her out.
        await world.OrderCreatedAsync(ada, "MNK-0103");
        await world.AtAsync("win-back", ada, "wait-quiet", instances: 2);
        world.Advance(TimeSpan.FromDays(60) + TimeSpan.FromMinutes(1));
        var second = await world.AtAsync("win-back", ada, null, instances: 2);
        JourneyWorld.Step(await world.JournalAsync(second.Id), "entry")["outcome"]!.GetValue<string>().ShouldBe(JourneyEntryActivity.Skip);

        // Once more: now 134 days after the win-back, she may enter again.
        await world.OrderCreatedAsync(ada, "MNK-0104");
        await world.AtAsync("win-back", ada, "wait-quiet", instances: 3);
        world.Advance(TimeSpan.FromDays(60) + TimeSpan.FromMinutes(1));
        await world.AtAsync("win-back", ada, "goal", instances: 3);
        (await world.SentToAsync(ada, 2)).Select(JourneyWorld.TemplateName).ShouldBe(["journey_winback", "journey_winback"]);
        (await world.MessagesAsync(ada)).Count(m => m.Status == JourneyMessageStatus.Queued).ShouldBe(2);
    }

    [Fact]
    public async Task Over_the_frequency_cap_a_skip_step_is_skipped_and_recorded_and_a_hold_step_waits_until_the_cap_frees()
    {
        // One marketing message per contact in 40 days: the thank-you fills it.
        await using var world = await JourneyWorld.StartAsync(new Dictionary<string, string>
        {
            ["HaloAgent:Marketing:FrequencyCap"] = "1",
            ["HaloAgent:Marketing:FrequencyWindow"] = "40.00:00:00",
        });
        var bala = await world.CustomerInGroupAsync("23480355570", "Bala Musa", "ha", TimeSpan.FromDays(2), heldOut: false);
        await world.OrderCompletedAsync(bala);
        await world.AtAsync("post-purchase", bala, "wait-tips");

        // Day 7: the tips step (skip when capped) sends nothing and says why.
        world.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var journey = await world.AtAsync("post-purchase", bala, "wait-feedback");
        var tips = JourneyWorld.Step(await world.JournalAsync(journey.Id), "tips");
        tips["outcome"]!.GetValue<string>().ShouldBe("Done");
        tips["output"]!["skipped"]!.GetValue<string>().ShouldBe(JourneySkipReasons.FrequencyCap);
        (await world.MessagesAsync(bala)).Select(m => (m.NodeId, m.Status, m.Reason)).ShouldBe(
            [("thank-you", JourneyMessageStatus.Queued, null), ("tips", JourneyMessageStatus.Skipped, JourneySkipReasons.FrequencyCap)]);

        // Day 30: the feedback step holds instead; at day 40 the thank-you leaves the window and it goes.
        world.Advance(TimeSpan.FromDays(23));
        await world.AtAsync("post-purchase", bala, "feedback");
        world.Graph.Sent.Count(r => r.To == bala.WaId).ShouldBe(1, "held, not sent");
        world.Advance(TimeSpan.FromDays(10));
        await world.AtAsync("post-purchase", bala, "wait-score");
        (await world.SentToAsync(bala, 2)).Select(JourneyWorld.TemplateName).ShouldBe(["journey_thank_you", "journey_feedback"]);
    }

    [Fact]
    public async Task A_step_due_in_quiet_hours_waits_until_eight_in_the_morning_West_Africa_Time()
    {
        await using var world = await JourneyWorld.StartAsync();
        var ada = await world.CustomerInGroupAsync("23480355580", "Ada Obi", "en", TimeSpan.FromMinutes(5), heldOut: false);
        world.Advance(TimeSpan.FromHours(12)); // 22:00 WAT
        await world.OrderCompletedAsync(ada);
        var held = await world.AtAsync("post-purchase", ada, "thank-you");
        held.WakeAt.ShouldBe(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(1)));
        world.Graph.Sent.ShouldNotContain(r => r.To == ada.WaId);

        world.Advance(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(1));
        await world.AtAsync("post-purchase", ada, "wait-tips");
        (await world.SentToAsync(ada, 1)).Single().Type.ShouldBe("text", "at 08:01 her window (she wrote at 09:55 yesterday) is still open");
    }
}
