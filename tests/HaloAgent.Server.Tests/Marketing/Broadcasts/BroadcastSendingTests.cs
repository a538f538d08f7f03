using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Channels.Outbox;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Marketing;
using HaloAgent.Marketing.Broadcasts;
using HaloAgent.Marketing.Templates;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Marketing.Broadcasts;

/// <summary>
/// Broadcasts as a marketer runs them, against a fake Graph on loopback: the pre-flight, each consenting customer
/// reached once in their language (or the fallback), delivery reports and replies in the funnel, exactly once after a
/// lost save, quiet hours, the frequency cap, Meta's refusals and a paused template.
/// </summary>
public sealed class BroadcastSendingTests
{
    [Fact]
    public async Task A_broadcast_reaches_each_consenting_customer_once_in_their_language_and_its_funnel_follows_reports_and_replies()
    {
        await using var world = await BroadcastWorld.StartAsync(runWorker: true);
        var ada = await world.CustomerAsync("2348031230001", "Ada Obi", "en");
        var bala = await world.CustomerAsync("2348031230002", "Bala Musa", "ha");
        var yemi = await world.CustomerAsync("2348031230003", "Yemi Ade", "yo");
        await world.CustomerAsync("2348031230004", "Chidi", "ig", consent: false);
        await world.CustomerAsync("2348031230005", "Dayo", "en", optedOut: true);
        var visitor = await world.CustomerAsync("web:visitor-session-0001-abcdef", "Kemi", "pcm", channel: "webchat");
        var segment = await world.SegmentAsync();

        using var preflight = await world.Marketer.PostAsJsonAsync("/api/broadcasts/preflight", world.Draft(segment));
        preflight.StatusCode.ShouldBe(HttpStatusCode.OK, await preflight.Content.ReadAsStringAsync());
        var plan = (await preflight.Content.ReadFromJsonAsync<JsonObject>())!;
        plan["audience"]!.GetValue<int>().ShouldBe(6);
        plan["willSend"]!.GetValue<int>().ShouldBe(4);
        plan["skipped"]!["no_consent"]!.GetValue<int>().ShouldBe(1);
        plan["skipped"]!["opted_out"]!.GetValue<int>().ShouldBe(1);
        plan["byChannel"]!["webchat"]!.GetValue<int>().ShouldBe(1);
        plan["fitsMessagingLimit"]!.GetValue<bool>().ShouldBeTrue();
        plan["costKobo"]!.GetValue<long>().ShouldBe(3 * 7_740, "three WhatsApp customers at the marketing price; web chat is free");

        var id = await world.SendNowAsync(segment);
        var done = await Eventually.ReturnsAsync(() => world.BroadcastAsync(id), b => (string?)b["status"] == "completed", TimeSpan.FromSeconds(30), "the broadcast to complete");
        await world.OutboxSettledAsync(3);
        var sent = world.Graph.Sent.Where(r => r.Type == "template").ToList();
        sent.Select(r => $"{r.To}:{BroadcastWorld.TemplateLanguage(r)}:{BroadcastWorld.FirstParameter(r)}").Order().ShouldBe(
            [$"{ada.WaId}:en:Ada", $"{bala.WaId}:ha:Bala", $"{yemi.WaId}:en:Yemi"], ignoreOrder: false, "Yoruba has no approved template: the fallback, English");
        sent.ShouldAllBe(r => r.Body["biz_opaque_callback_data"]!.GetValue<string>().StartsWith($"bc:{id}:"));
        var webChat = await world.Factory.Services.GetRequiredService<IOutbox>().FindByIdempotencyKeyAsync($"bc:{id}:{visitor.Id}", default);
        webChat.ShouldNotBeNull("the web chat visitor gets the text on their channel: " + string.Join(" | ", (await world.RecipientsAsync(id)).Select(r => r.ToJsonString()))).Payload.ShouldContain("Hello Kemi, jollof is 10% off");
        done["counts"]!["skippedByReason"]!["no_consent"]!.GetValue<int>().ShouldBe(1);

        var skipped = await world.RecipientsAsync(id, "skipped");
        skipped.Select(r => r["reason"]!.GetValue<string>()).Order().ShouldBe(["Never agreed to marketing messages.", "Opted out of marketing messages."]);

        // Ada's phone reports delivered and read, then she writes back: the funnel shows it.
        var adaMessage = sent.Single(r => r.To == ada.WaId);
        var hooks = new WhatsAppWebhookBuilder { Now = world.Clock.GetUtcNow() }
            .Status(adaMessage.Wamid!, "delivered", ada.WaId).Status(adaMessage.Wamid!, "read", ada.WaId);
        using var client = world.Factory.CreateClient();
        (await client.SendAsync(hooks.Sign(BroadcastWorld.AppSecret).ToRequest("/webhooks/whatsapp"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        var reply = new WhatsAppWebhookBuilder { Now = world.Clock.GetUtcNow() }.Text(ada.WaId, "I want the jollof", "Ada Obi");
        (await client.SendAsync(reply.Sign(BroadcastWorld.AppSecret).ToRequest("/webhooks/whatsapp"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var funnel = await Eventually.ReturnsAsync(
            async () => (await world.BroadcastAsync(id))["counts"]!.AsObject(),
            c => c["read"]!.GetValue<int>() == 1 && c["replied"]!.GetValue<int>() == 1,
            TimeSpan.FromSeconds(30), "Ada's read report and reply in the funnel");
        funnel["delivered"]!.GetValue<int>().ShouldBe(1);

        using var csv = await world.Marketer.GetAsync($"/api/broadcasts/{id}/recipients.csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(7, "a header and the six contacts of the audience");
        lines[0].ShouldStartWith("contact_id,address,channel");
    }

    [Fact]
    public async Task A_send_whose_save_was_lost_is_queued_again_under_its_key_and_reaches_the_customer_once()
    {
        await using var world = await BroadcastWorld.StartAsync(runWorker: false);
        var ada = await world.CustomerAsync("2348031230011", "Ada", "en");
        await world.CustomerAsync("2348031230012", "Bisi", "en");
        var id = await world.SendNowAsync(await world.SegmentAsync());
        await world.SendPassesAsync();
        await world.OutboxSettledAsync(2);

        // A node queued Ada's message and died before saving that it had: her row is pending again.
        var factory = world.Factory.Services.GetRequiredService<IDbContextFactory<MarketingDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            (await db.Recipients.Where(r => r.BroadcastId == id && r.ContactId == ada.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Pending).SetProperty(r => r.QueuedAt, (long?)null))).ShouldBe(1);
            await db.Broadcasts.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BroadcastStatus.Sending));
        }

        await world.SendPassesAsync();
        (await world.BroadcastAsync(id))["status"]!.GetValue<string>().ShouldBe("completed");
        (await world.RecipientsAsync(id)).ShouldAllBe(r => (string?)r["status"] == "queued");
        (await world.Factory.Services.GetRequiredService<IOutbox>().FindByIdempotencyKeyAsync($"bc:{id}:{ada.Id}", default)).ShouldNotBeNull();
        world.Graph.SentTo(ada.WaId).Count.ShouldBe(1, "the outbox kept one message for the key");
    }

    [Fact]
    public async Task Quiet_hours_hold_a_broadcast_until_eight_WAT_and_the_frequency_cap_skips_a_customer_already_reached()
    {
        // 21:30 WAT: inside the default quiet hours.
        await using var world = await BroadcastWorld.StartAsync(
            runWorker: false, new Dictionary<string, string> { ["HaloAgent:Marketing:FrequencyCap"] = "1" },
            now: new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero));
        var ada = await world.CustomerAsync("2348031230021", "Ada", "en");
        var segment = await world.SegmentAsync();
        var first = await world.SendNowAsync(segment, "First");
        await world.SendPassesAsync();
        var held = await world.BroadcastAsync(first);
        held["status"]!.GetValue<string>().ShouldBe("sending");
        held["heldReason"]!.GetValue<string>().ShouldBe("Quiet hours");
        DateTimeOffset.Parse(held["heldUntil"]!.GetValue<string>()).ShouldBe(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(1)));
        (await world.RecipientsAsync(first, "pending")).Count.ShouldBe(1, "held, not dropped");

        world.Clock.Set(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero)); // 08:00 WAT
        await world.SendPassesAsync();
        (await world.BroadcastAsync(first))["status"]!.GetValue<string>().ShouldBe("completed");
        await world.OutboxSettledAsync(1);

        var second = await world.SendNowAsync(segment, "Second");
        await world.SendPassesAsync();
        var capped = (await world.RecipientsAsync(second)).ShouldHaveSingleItem();
        capped["status"]!.GetValue<string>().ShouldBe("skipped");
        capped["reason"]!.GetValue<string>().ShouldContain("frequency cap");
        world.Graph.SentTo(ada.WaId).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)] // the tracker's key lookup once failed on PostgreSQL only (Dapper's IN list)
    public async Task Meta_s_refusals_are_handled_by_their_code_and_retry_failed_resends_only_the_per_user_cap_a_day_later(DatabaseProvider provider)
    {
        await using var world = await BroadcastWorld.StartAsync(
            runWorker: false, new Dictionary<string, string> { ["HaloAgent:Marketing:SendsPerSecond"] = "1000" }, provider: provider);
        var customers = new List<ContactInfo>();
        for (var i = 0; i < 4; i++)
        {
            customers.Add(await world.CustomerAsync($"23480312300{30 + i}", $"Customer{i}", "en"));
        }

        world.Graph.FailNext(1, new FakeGraphError(400, 131049, "(#131049) This message was not delivered to maintain healthy ecosystem engagement."));
        world.Graph.FailNext(1, new FakeGraphError(400, 131050, "(#131050) User has stopped marketing messages."));
        world.Graph.FailNext(1, new FakeGraphError(400, 131026, "(#131026) Message undeliverable"));
        var id = await world.SendNowAsync(await world.SegmentAsync());
        await world.SendPassesAsync();
        await world.OutboxSettledAsync(4);
        await Eventually.ReturnsAsync(async () =>
        {
            await world.TrackAsync();
            return await world.RecipientsAsync(id);
        }, rows => rows.Count(r => (string?)r["status"] is "failed" or "limited") == 3, TimeSpan.FromSeconds(30),
            "three refusals recorded: " + string.Join(" | ", world.Graph.Requests.Select(r => r.Error?.Code + " " + r.To)));

        var rows = await world.RecipientsAsync(id);
        var limited = rows.Where(r => (string?)r["status"] == "limited").ShouldHaveSingleItem();
        limited["errorCode"]!.GetValue<int>().ShouldBe(131049);
        var stopped = rows.Single(r => r["errorCode"]?.GetValue<int>() == 131050);
        stopped["reason"]!.GetValue<string>().ShouldContain("stopped marketing");
        var contact = await world.Factory.Services.GetRequiredService<IContactService>().GetAsync(stopped["contactId"]!.GetValue<string>(), default);
        contact!.MarketingOptOut.ShouldBeTrue("131050 is the customer's opt-out of marketing");
        rows.Single(r => r["errorCode"]?.GetValue<int>() == 131026)["status"]!.GetValue<string>().ShouldBe("failed");

        using var retry = await world.Marketer.PostAsync($"/api/broadcasts/{id}/retry-failed", null);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());
        (await retry.Content.ReadFromJsonAsync<JsonObject>())!["retried"]!.GetValue<int>().ShouldBe(1, "only the per-user cap is worth another try");
        await world.SendPassesAsync();
        (await world.BroadcastAsync(id))["heldUntil"].ShouldNotBeNull("the retry waits a day");
        var limitedKey = limited["address"]!.GetValue<string>();
        world.Graph.Requests.Count(r => r.To == limitedKey).ShouldBe(1);

        world.Clock.Advance(TimeSpan.FromHours(24));
        await world.SignInAgainAsync();
        await world.SendPassesAsync();
        await world.OutboxSettledAsync(5);
        world.Graph.Requests.Count(r => r.To == limitedKey).ShouldBe(2, "re-sent once, a day later, under a new key");
        (await world.BroadcastAsync(id))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task A_template_Meta_paused_pauses_the_broadcast_with_the_reason_and_it_resumes_once_approved_again()
    {
        await using var world = await BroadcastWorld.StartAsync(runWorker: false);
        var ada = await world.CustomerAsync("2348031230041", "Ada", "en");
        var id = await world.SendNowAsync(await world.SegmentAsync());
        var catalog = world.Factory.Services.GetRequiredService<ITemplateCatalog>();
        var english = (await catalog.FindAsync(world.BusinessId, "weekend_offer", "en", default))!;
        english.Status = "PAUSED";
        english.StatusReason = "Paused for 3 hours: low quality";
        await catalog.UpsertAsync(english, default);

        await world.SendPassesAsync();
        var paused = await world.BroadcastAsync(id);
        paused["status"]!.GetValue<string>().ShouldBe("paused");
        paused["statusReason"]!.GetValue<string>().ShouldContain("'weekend_offer' (en) to PAUSED");
        (await world.RecipientsAsync(id, "pending")).Count.ShouldBe(1, "Ada waits; she is not skipped");
        world.Graph.SentTo(ada.WaId).ShouldBeEmpty();

        english.Status = WhatsAppTemplateStatus.Approved;
        await catalog.UpsertAsync(english, default);
        (await world.Marketer.PostAsync($"/api/broadcasts/{id}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await world.SendPassesAsync();
        await world.OutboxSettledAsync(1);
        world.Graph.SentTo(ada.WaId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_new_broadcast_falls_back_to_the_shop_s_template_language_unless_the_marketer_chooses_one()
    {
        await using var world = await BroadcastWorld.StartAsync(runWorker: false);
        (await world.Marketer.GetFromJsonAsync<JsonObject>("/api/broadcasts/defaults"))!["fallbackLanguage"]!.GetValue<string>().ShouldBe("en");

        // The owner makes Hausa the shop's template fallback on the settings page's API.
        var owner = await world.Factory.SignedInClientAsync(HaloAgent.Server.Auth.AuthPolicies.Owner);
        var shop = (await owner.GetFromJsonAsync<JsonObject>("/api/shop"))!;
        shop["templateLanguageFallback"] = "ha";
        using (var saved = await owner.PutAsJsonAsync("/api/shop", shop))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }

        (await world.Marketer.GetFromJsonAsync<JsonObject>("/api/broadcasts/defaults"))!["fallbackLanguage"]!.GetValue<string>().ShouldBe("ha");
        var segment = await world.SegmentAsync();
        async Task<string> FallbackOfNewDraftAsync(string? fallbackLanguage)
        {
            using var created = await world.Marketer.PostAsJsonAsync("/api/broadcasts",
                new { name = "Weekend", segmentId = segment, templateName = "weekend_offer", fallbackLanguage, parameters = new[] { "{name}" } });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            return (await created.Content.ReadFromJsonAsync<JsonObject>())!["fallbackLanguage"]!.GetValue<string>();
        }

        (await FallbackOfNewDraftAsync(null)).ShouldBe("ha", "a draft that names no fallback takes the shop's");
        (await FallbackOfNewDraftAsync("en")).ShouldBe("en", "the marketer's choice stands");
    }

    [Fact]
    public async Task Bad_drafts_and_moves_get_clear_errors()
    {
        await using var world = await BroadcastWorld.StartAsync(runWorker: false);
        var segment = await world.SegmentAsync();
        async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, object body)
        {
            using var response = await world.Marketer.PostAsJsonAsync(path, body);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var wrongCount = await PostAsync("/api/broadcasts", new { name = "x", segmentId = segment, templateName = "weekend_offer", parameters = Array.Empty<string>() });
        wrongCount.Status.ShouldBe(HttpStatusCode.BadRequest);
        wrongCount.Body.ShouldContain("takes 1 parameter(s); 0 given");
        (await PostAsync("/api/broadcasts", new { name = "x", segmentId = segment, templateName = "nope", parameters = new[] { "a" } })).Body.ShouldContain("There is no template 'nope'");
        (await PostAsync("/api/broadcasts", new { name = "x", segmentId = "missing", templateName = "weekend_offer", parameters = new[] { "a" } })).Body.ShouldContain("There is no segment 'missing'");
        (await PostAsync("/api/broadcasts", new { name = "x", templateName = "weekend_offer", fallbackLanguage = "yo", parameters = new[] { "a" } })).Body.ShouldContain("no approved 'yo' version");

        using var created = await world.Marketer.PostAsJsonAsync("/api/broadcasts", world.Draft(segment));
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var past = await PostAsync($"/api/broadcasts/{id}/schedule", new { at = world.Clock.GetUtcNow().AddHours(-2) });
        past.Status.ShouldBe(HttpStatusCode.BadRequest);
        past.Body.ShouldContain("2026-11-23 08:00 WAT is in the past", customMessage: "the marketer's own time (WAT), not the UTC the Studio sends");
        (await PostAsync($"/api/broadcasts/{id}/resume", new { })).Status.ShouldBe(HttpStatusCode.Conflict);
        (await world.Marketer.GetAsync("/api/broadcasts/unknown")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await world.Marketer.GetAsync($"/api/broadcasts/{id}/recipients?status=bogus")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Nobody tagged: the pre-flight says so before anything is sent.
        var empty = await PostAsync("/api/broadcasts/preflight", world.Draft(segment));
        empty.Status.ShouldBe(HttpStatusCode.OK);
        empty.Body.ShouldContain("Nobody in this audience can receive it");
        var agent = await world.Factory.SignedInClientAsync(HaloAgent.Server.Auth.AuthPolicies.Agent);
        (await agent.GetAsync("/api/broadcasts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
