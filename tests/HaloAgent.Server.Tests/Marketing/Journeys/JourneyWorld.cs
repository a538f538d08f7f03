using System.Text.Json.Nodes;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Engine.Execution;
using HaloAgent.Engine.Runtime;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Marketing;
using HaloAgent.Marketing.Journeys;
using HaloAgent.Marketing.Templates;
using HaloAgent.Server.Tests.Marketing.Broadcasts;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaloAgent.Server.Tests.Marketing.Journeys;

/// <summary>
/// The broadcast world (fake Graph, manual clock at 10:00 WAT, the demo business) with the journeys' WhatsApp templates
/// approved in English and Hausa, and helpers to raise the events journeys start and wait on, and to read where a
/// contact's journey is.
/// </summary>
public sealed class JourneyWorld : IAsyncDisposable
{
    public static readonly string[] Templates = ["journey_thank_you", "journey_tips", "journey_feedback", "journey_upsell", "journey_winback", "journey_welcome"];

    private JourneyWorld(BroadcastWorld world) => World = world;

    public BroadcastWorld World { get; }

    public FakeGraphServer Graph => World.Graph;

    public IServiceProvider Services => World.Factory.Services;

    public static async Task<JourneyWorld> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var world = await BroadcastWorld.StartAsync(runWorker: false, settings);
        var catalog = world.Factory.Services.GetRequiredService<ITemplateCatalog>();
        foreach (var name in Templates)
        {
            foreach (var (language, body) in new[] { ("en", $"Hello {{{{1}}}} ({name})"), ("ha", $"Sannu {{{{1}}}} ({name})") })
            {
                await catalog.UpsertAsync(new WhatsAppTemplate
                {
                    BusinessId = world.BusinessId, Name = name, Language = language, Category = "MARKETING", Status = WhatsAppTemplateStatus.Approved,
                    Body = body, ParameterCount = 1,
                }, default);
            }
        }

        return new JourneyWorld(world);
    }

    /// <summary>A customer who last wrote <paramref name="lastWroteAgo"/> before now (their 24-hour window is open under a day).</summary>
    public async Task<ContactInfo> CustomerAsync(string phone, string name, string language, TimeSpan lastWroteAgo)
    {
        var contacts = Services.GetRequiredService<IContactService>();
        var at = (World.Clock.GetUtcNow() - lastWroteAgo).ToUnixTimeMilliseconds();
        var contact = (await contacts.UpsertFromInboundAsync(World.BusinessId, phone, name, at, "whatsapp", default)).Contact;
        await contacts.SetLanguageAsync(contact.Id, language, default);
        return (await contacts.GetAsync(contact.Id, default))!;
    }

    /// <summary>A customer the post-purchase journey keeps in (or, with <paramref name="heldOut"/>, out of) its 10% control group.</summary>
    public async Task<ContactInfo> CustomerInGroupAsync(string phonePrefix, string name, string language, TimeSpan lastWroteAgo, bool heldOut)
    {
        for (var i = 0; i < 200; i++)
        {
            var contact = await CustomerAsync($"{phonePrefix}{i:D3}", name, language, lastWroteAgo);
            if ((HoldoutActivity.Group("post-purchase", contact.Id, 10) == HoldoutActivity.Holdout) == heldOut)
            {
                return contact;
            }
        }

        throw new InvalidOperationException("No contact fell in the wanted group in 200 tries.");
    }

    public Task<EventResult> RaiseAsync(string name, ContactInfo contact, object payload, string? id = null) =>
        Services.GetRequiredService<FlowRuntime>().RaiseAsync(
            new EventRequest(name, contact.Id, payload) { Tenant = World.BusinessId, EventId = id ?? Guid.NewGuid().ToString("N") }, default);

    public Task<EventResult> OrderCompletedAsync(ContactInfo contact, string number = "MNK-0042") => RaiseAsync("order.completed", contact, new Dictionary<string, object?>
    {
        ["orderId"] = "order-" + number, ["number"] = number, ["totalKobo"] = 700_000m, ["contactId"] = contact.Id, ["businessId"] = World.BusinessId,
        ["items"] = new List<object?>(), ["topItem"] = "Jollof rice",
    });

    public Task<EventResult> OrderCreatedAsync(ContactInfo contact, string number = "MNK-0043") => RaiseAsync("order.created", contact, new Dictionary<string, object?>
    {
        ["orderId"] = "order-" + number, ["number"] = number, ["totalKobo"] = 500_000m, ["contactId"] = contact.Id, ["businessId"] = World.BusinessId,
    });

    /// <summary>Moves the clock and lets the workers notice (they poll in real time; due times read this clock).</summary>
    public void Advance(TimeSpan by) => World.Clock.Advance(by);

    /// <summary>Waits until the contact's newest instance of <paramref name="flowId"/> is at <paramref name="node"/> (or, with null, finished).</summary>
    public async Task<InstanceSummary> AtAsync(string flowId, ContactInfo contact, string? node, int instances = 1)
    {
        var queries = Services.GetRequiredService<InstanceQueries>();
        try
        {
            var list = await Eventually.ReturnsAsync(
                () => queries.ListAsync(TenantScope.All, new InstanceFilter { FlowId = flowId, CorrelationKey = contact.Id }, default),
                l => l.Count == instances && l.OrderByDescending(i => i.CreatedAt).First() is var newest
                    && (node is null ? newest.Status.IsFinished() : newest.Status == InstanceStatus.Waiting && newest.CurrentNodeId == node),
                TimeSpan.FromSeconds(30), $"{contact.Name}'s {flowId} at {node ?? "its end"}");
            return list.OrderByDescending(i => i.CreatedAt).First();
        }
        catch (TimeoutException timeout)
        {
            // Say where the journey is instead: its instances and the newest one's journal.
            var list = await queries.ListAsync(TenantScope.All, new InstanceFilter { FlowId = flowId, CorrelationKey = contact.Id }, default);
            var newest = list.OrderByDescending(i => i.CreatedAt).FirstOrDefault();
            var journal = newest is null ? "" : (await queries.GetAsync(TenantScope.All, newest.Id, default)).ToString() + (await JournalAsync(newest.Id)).ToJsonString();
            throw new TimeoutException($"{timeout.Message}\n{string.Join("\n", list)}\n{journal}", timeout);
        }
    }

    public async Task<JsonArray> JournalAsync(string instanceId) =>
        (await Services.GetRequiredService<InstanceQueries>().GetAsync(TenantScope.All, instanceId, default)).Journal;

    /// <summary>The outcome and output of the last step of <paramref name="node"/> in the journal.</summary>
    public static JsonObject Step(JsonArray journal, string node) =>
        journal.Select(e => e!.AsObject()).Last(e => e["nodeId"]!.GetValue<string>() == node && e["outcome"] is not null);

    public async Task<List<JourneyMessage>> MessagesAsync(ContactInfo contact)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<MarketingDbContext>>().CreateDbContextAsync();
        return await db.JourneyMessages.Where(m => m.ContactId == contact.Id).OrderBy(m => m.At).ToListAsync();
    }

    public async Task<List<JourneyConversion>> ConversionsAsync(ContactInfo contact)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<MarketingDbContext>>().CreateDbContextAsync();
        return await db.JourneyConversions.Where(c => c.ContactId == contact.Id).ToListAsync();
    }

    /// <summary>Waits for the Graph messages to this contact to reach <paramref name="count"/>, and returns them.</summary>
    public async Task<List<FakeGraphRequest>> SentToAsync(ContactInfo contact, int count)
    {
        try
        {
            // The outbox spaces two messages to one customer by a second on this clock (PairSpacing): let it tick.
            return await Eventually.ReturnsAsync(() =>
                {
                    World.Clock.Advance(TimeSpan.FromMilliseconds(250));
                    return Task.FromResult(Graph.Sent.Where(r => r.To == contact.WaId).ToList());
                }, l => l.Count >= count,
                TimeSpan.FromSeconds(30), $"{count} messages to {contact.Name}");
        }
        catch (TimeoutException timeout)
        {
            var outbox = Services.GetRequiredService<HaloAgent.Channels.Outbox.IOutbox>();
            var rows = new List<string>();
            foreach (var m in await MessagesAsync(contact))
            {
                rows.Add($"{m.NodeId} {m.Status} {m.Mode} {m.Reason} outbox: {await outbox.FindByIdempotencyKeyAsync(m.Id, default)}");
            }

            var all = await Services.GetRequiredService<HaloAgent.Engine.Runtime.Persistence.EngineDatabase>().ReadAsync(async (db, ct) =>
            {
                await db.Database.OpenConnectionAsync(ct);
                return (await Dapper.SqlMapper.QueryAsync<(string Key, string Status, long Next, long Created, string Payload)>(db.Database.GetDbConnection(),
                    "SELECT idempotency_key, status, next_attempt_at, created_at, payload FROM outbound_messages WHERE recipient = @To ORDER BY created_at",
                    new { To = contact.WaId })).ToList();
            }, default);
            rows.AddRange(all.Select(r => $"ROW {r.Key} {r.Status} next={DateTimeOffset.FromUnixTimeMilliseconds(r.Next)} created={DateTimeOffset.FromUnixTimeMilliseconds(r.Created)} {r.Payload[..Math.Min(120, r.Payload.Length)]}"));
            var journeys = string.Join("\n", rows);
            throw new TimeoutException($"{timeout.Message}\nsent: {string.Join(" | ", Graph.Requests.Where(r => r.To == contact.WaId).Select(r => r.Body.ToJsonString()))}\njourney rows:\n{journeys}", timeout);
        }
    }

    public static string? TemplateName(FakeGraphRequest request) => request.Body["template"]?["name"]?.GetValue<string>();

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
