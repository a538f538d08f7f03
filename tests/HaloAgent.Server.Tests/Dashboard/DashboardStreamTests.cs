using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using HaloAgent.Channels.Outbox;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Server.Dashboard;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>The live stream: Server-Sent Events read from the database the nodes share, per business.</summary>
public sealed class DashboardStreamTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
    {
        ["HaloAgent:Dashboard:StreamPollInterval"] = "00:00:00.100",
    });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_placed_order_a_status_change_and_a_takeover_arrive_as_events()
    {
        var businessId = await DashboardSeed.DemoBusinessIdAsync(_factory.Services);
        var earlier = await DashboardSeed.ContactAsync(_factory.Services, businessId, "2348034440000", "Earlier");
        await DashboardSeed.OrderAsync(_factory.Services, businessId, earlier.Id, "PUFF-PUFF", 1, address: null);
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await owner.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/stream"), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        (await DashboardStream.ReadUntilAsync(reader, l => l == ": connected", timeout.Token)).ShouldNotBeNull();

        var ada = await DashboardSeed.ContactAsync(_factory.Services, businessId, "2348034440001", "Ada Stream");
        var order = await DashboardSeed.OrderAsync(_factory.Services, businessId, ada.Id, "JOLLOF-RICE", 2, "5 Broad Street");

        var created = await DashboardStream.NextEventAsync(reader, "order.created", timeout.Token);
        created["id"]!.GetValue<string>().ShouldBe(order.Id, "orders placed before the stream opened are not replayed");
        created["number"]!.GetValue<string>().ShouldBe(order.Number);
        created["contactName"]!.GetValue<string>().ShouldBe("Ada Stream");
        created["phone"]!.GetValue<string>().ShouldBe("+2348034440001");
        created["status"]!.GetValue<string>().ShouldBe("pending_payment");
        created["nextStatuses"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["paid", "preparing", "cancelled"]);
        created["fulfilment"]!.GetValue<string>().ShouldBe("delivery");
        created["address"]!.GetValue<string>().ShouldBe("5 Broad Street");
        created["totalKobo"]!.GetValue<long>().ShouldBe(order.TotalKobo);
        var item = created["items"]!.AsArray().ShouldHaveSingleItem()!;
        item["sku"]!.GetValue<string>().ShouldBe("JOLLOF-RICE");
        item["quantity"]!.GetValue<int>().ShouldBe(2);
        item["lineTotalKobo"]!.GetValue<long>().ShouldBe(7_000_00);

        await _factory.Services.GetRequiredService<IOrderService>().ChangeStatusAsync(order.Id, OrderStatus.Cancelled, "test", "changed mind", default);
        var updated = await DashboardStream.NextEventAsync(reader, "order.updated", timeout.Token);
        updated["id"]!.GetValue<string>().ShouldBe(order.Id);
        updated["status"]!.GetValue<string>().ShouldBe("cancelled");
        updated["nextStatuses"]!.AsArray().ShouldBeEmpty();

        (await owner.PostAsync($"/api/conversations/{ada.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var conversation = await DashboardStream.NextEventAsync(reader, "conversation.updated", timeout.Token, e => e["handledBy"]?.GetValue<string>() == "human");
        conversation["contactId"]!.GetValue<string>().ShouldBe(ada.Id);
        conversation["escalationId"].ShouldNotBeNull();
    }

    [Fact]
    public async Task An_open_stream_ends_when_its_session_is_signed_out_elsewhere()
    {
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await owner.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/stream"), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        (await DashboardStream.ReadUntilAsync(reader, l => l == ": connected", timeout.Token)).ShouldNotBeNull();

        // "Sign out everywhere" (say, after losing a laptop): every session of the user ends, this one's open stream too.
        (await owner.PostAsync("/api/auth/logout-everywhere", null, timeout.Token)).IsSuccessStatusCode.ShouldBeTrue();

        // The stream says why and ends; it does not go on sending the business's orders to a signed-out browser.
        (await DashboardStream.ReadUntilAsync(reader, l => l == "event: session.ended", timeout.Token)).ShouldNotBeNull();
        (await reader.ReadToEndAsync(timeout.Token)).ShouldNotContain("event: order", Case.Sensitive);
        (await owner.GetAsync("/api/stream", timeout.Token)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_stream_needs_a_signed_in_user()
    {
        (await _factory.CreateClient().GetAsync("/api/stream")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_poll_that_fails_part_way_reports_its_changes_on_the_next_poll()
    {
        // A busy database can fail a poll after it has read the new rows; the CI run that lost an owner's reply on the
        // stream had marked the row as sent before building the event that failed.
        var services = _factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        var ada = await DashboardSeed.ContactAsync(services, businessId, "2348034440002", "Ada Retry");
        var owner = await _factory.SignedInClientAsync(AuthPolicies.Owner);
        (await owner.PostAsync($"/api/conversations/{ada.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var contacts = FailingOnce<IContactService>.Wrap(services.GetRequiredService<IContactService>(), nameof(IContactService.FindByWaIdAsync));
        var feed = new DashboardChangeFeed(
            services.GetRequiredService<IDbContextFactory<CommerceDbContext>>(), services.GetRequiredService<OutboxQueries>(), contacts,
            services.GetRequiredService<ConversationQueries>(), services.GetRequiredService<OrderProjection>());
        var cursor = await feed.StartAsync(businessId, default);

        using (var reply = await owner.PostAsJsonAsync($"/api/conversations/{ada.Id}/reply", new { text = "Back in a moment" }))
        {
            reply.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Should.ThrowAsync<TimeoutException>(() => feed.PollAsync(cursor, default));
        var events = await feed.PollAsync(cursor, default);
        events.ShouldContain(
            e => e.Name == DashboardEvent.ConversationUpdated && ((ConversationSummary)e.Data).LastMessage == "Back in a moment",
            string.Join("; ", events.Select(e => $"{e.Name} {e.Data}")));
        (await feed.PollAsync(cursor, default)).ShouldBeEmpty("reported once");
    }

    [Fact]
    public async Task A_take_over_in_the_same_millisecond_as_the_contact_s_last_change_is_still_reported()
    {
        // Under a frozen clock (the test-run tests' manual one) the take-over stamps the contact with the time it already
        // had: the stream must still see the change.
        await using var factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>(), new ManualClock(DateTimeOffset.UtcNow));
        var services = factory.Services;
        var businessId = await DashboardSeed.DemoBusinessIdAsync(services);
        var ada = await DashboardSeed.ContactAsync(services, businessId, "2348034440003", "Ada Same Time");
        var feed = services.GetRequiredService<DashboardChangeFeed>();
        var cursor = await feed.StartAsync(businessId, default);
        var owner = await factory.SignedInClientAsync(AuthPolicies.Owner);
        (await owner.PostAsync($"/api/conversations/{ada.Id}/takeover", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var events = await feed.PollAsync(cursor, default);
        events.ShouldContain(e => e.Name == DashboardEvent.ConversationUpdated && ((ConversationSummary)e.Data).HandledBy == "human");
    }

    /// <summary>Passes calls through to a real service, except that one method fails the first time, as a busy database would.</summary>
    public class FailingOnce<T> : DispatchProxy
        where T : class
    {
        private T _inner = null!;
        private string _method = "";
        private int _failed;

        public static T Wrap(T inner, string method)
        {
            var proxy = Create<T, FailingOnce<T>>();
            var self = (FailingOnce<T>)(object)proxy;
            self._inner = inner;
            self._method = method;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == _method && Interlocked.Exchange(ref _failed, 1) == 0)
            {
                throw new TimeoutException("The database was busy.");
            }

            return targetMethod.Invoke(_inner, args);
        }
    }
}
