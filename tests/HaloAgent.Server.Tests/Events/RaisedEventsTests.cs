using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Platform.Events;
using HaloAgent.Server.Tests.Payments;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Tests.Events;

/// <summary>
/// The event catalogue is what the product really raises: real conversations (an order, a payment claim, a hand-over
/// asked for and one taken by the owner, STOP) go through the signed webhook and the dashboard, and every event the
/// engine stored is checked against the catalogue: its name, and each payload field it carries.
/// </summary>
public sealed class RaisedEventsTests : IAsyncLifetime
{
    private PaymentsServer _server = null!;

    public async Task InitializeAsync() => _server = await PaymentsServer.StartAsync(transcription: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_event_a_conversation_raises_is_in_the_catalogue_with_its_payload_fields()
    {
        var customer = _server.Customer("2348130000091");
        await _server.PlaceOrderAsync(customer);
        await customer.SaysAsync("I don pay", r => r.Text?.Contains("screenshot") == true, "a request for the receipt");
        await RaisedAsync(EventNames.PaymentClaimed);

        // The customer asks for a person; what they write meanwhile goes to the person, then the owner hands back.
        await customer.PostAsync(new WhatsAppWebhookBuilder().Text(customer.Phone, "I want to talk to a person", name: "Ada"));
        await RaisedAsync(EventNames.EscalationOpened);
        var contact = (await _server.Service<IContactService>().FindByWaIdAsync(await _server.DemoBusinessIdAsync(), customer.Phone, default))!;
        await customer.PostAsync(new WhatsAppWebhookBuilder().Text(customer.Phone, "Hello?", name: "Ada"));
        await RaisedAsync(EventNames.MessagePaused);
        var escalation = (await _server.Service<IEscalationService>().GetOpenAsync(contact.Id, default)).ShouldNotBeNull();
        var owner = await _server.OwnerAsync();
        using (var resolved = await owner.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolve", new { note = "done" }))
        {
            resolved.StatusCode.ShouldBe(HttpStatusCode.OK, await resolved.Content.ReadAsStringAsync());
        }

        await RaisedAsync(EventNames.EscalationResolved);

        // The owner takes the chat over from the dashboard and releases it: the same two events, raised elsewhere.
        (await owner.PostAsync($"/api/conversations/{contact.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.PostAsync($"/api/conversations/{contact.Id}/release", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await customer.PostAsync(new WhatsAppWebhookBuilder().Text(customer.Phone, "STOP", name: "Ada"));
        await RaisedAsync(EventNames.MessageControl);

        var raised = await EventsAsync();
        // order.completed is the owner's doing on the dashboard (OrdersApi), not a conversation's: the post-purchase
        // journey's tests raise it that way.
        raised.Select(e => e.Name).Distinct().ShouldBe(
            EventCatalog.All.Select(d => d.Name).Where(n => n != EventNames.OrderCompleted), ignoreOrder: true,
            "the conversations raise every catalogued event and nothing else");
        raised.Count(e => e.Name == EventNames.EscalationOpened).ShouldBe(2, "once by the agent, once by the owner's takeover");
        raised.Count(e => e.Name == EventNames.EscalationResolved).ShouldBe(2, "once by resolving, once by releasing");
        foreach (var (name, payload) in raised)
        {
            var described = EventCatalog.Find(name)!.Payload.Select(f => f.Name.Split('.', '[')[0]).ToHashSet(StringComparer.Ordinal);
            var fields = JsonNode.Parse(payload ?? "{}")!.AsObject().Select(p => p.Key).ToList();
            fields.ShouldNotBeEmpty($"{name} carries a payload");
            fields.Where(f => !described.Contains(f)).ShouldBeEmpty($"{name} carries fields its catalogue entry does not describe");
        }
    }

    private async Task<List<(string Name, string? Payload)>> EventsAsync() =>
        await _server.Service<EngineDatabase>().ReadAsync(
            async (db, ct) => (await db.Events.OrderBy(e => e.CreatedAt).Select(e => new { e.Name, e.Payload }).ToListAsync(ct)).Select(e => (e.Name, e.Payload)).ToList(),
            default);

    private Task RaisedAsync(string name) =>
        Eventually.ReturnsAsync(EventsAsync, events => events.Any(e => e.Name == name), TimeSpan.FromSeconds(60), $"{name} raised");
}
