namespace HaloAgent.Server.Tests.Marketing.Journeys;

/// <summary>
/// The shipped welcome journey with a manual clock: the agent has greeted a new contact already, so the journey's own
/// welcome waits two hours and is sent only to someone who has not ordered by then (no second welcome in the same minute,
/// no "first delivery on us" after the first order).
/// </summary>
public sealed class WelcomeJourneyTests
{
    [Fact]
    public async Task A_new_contact_is_welcomed_two_hours_later_unless_they_ordered_first()
    {
        await using var world = await JourneyWorld.StartAsync();
        var ada = await world.CustomerAsync("2348035559001", "Ada Obi", "en", TimeSpan.FromMinutes(1));
        var musa = await world.CustomerAsync("2348035559002", "Musa Bello", "ha", TimeSpan.FromMinutes(1));
        foreach (var contact in new[] { ada, musa })
        {
            await world.RaiseAsync("contact.created", contact, new Dictionary<string, object?> { ["id"] = contact.Id, ["name"] = contact.Name, ["new"] = true });
            await world.AtAsync("welcome-journey", contact, "settle");
        }

        // Ada orders within the hour: her journey ends without a message.
        world.Advance(TimeSpan.FromMinutes(40));
        await world.OrderCreatedAsync(ada, "MNK-0301");
        var adas = await world.AtAsync("welcome-journey", ada, null);
        JourneyWorld.Step(await world.JournalAsync(adas.Id), "settle")["outcome"]!.GetValue<string>().ShouldBe("Received");

        // Musa does not: two hours after he first wrote he is welcomed, in Hausa, as free-form text (his window is open).
        world.Advance(TimeSpan.FromMinutes(81));
        await world.AtAsync("welcome-journey", musa, "wait-order");
        var welcome = (await world.SentToAsync(musa, 1)).Single();
        welcome.Type.ShouldBe("text");
        welcome.Text.ShouldNotBeNull().ShouldStartWith("Barka da zuwa");
        welcome.Text.ShouldContain("Musa Bello");
        world.Graph.Sent.ShouldNotContain(r => r.To == ada.WaId, "Ada ordered before any welcome");
        (await world.MessagesAsync(ada)).ShouldBeEmpty();
    }
}
