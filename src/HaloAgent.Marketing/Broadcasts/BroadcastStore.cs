using HaloAgent.Platform.Time;
using HaloAgent.Platform.Messaging;
using System.Text.Json;
using HaloAgent.Marketing.Templates;
using HaloAgent.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>A business's broadcasts: drafts, the marketer's moves between states, and what happened to each recipient.</summary>
public sealed class BroadcastStore(
    IDbContextFactory<MarketingDbContext> factory, BroadcastRules rules, ITemplateCatalog templates, BroadcastSignal signal,
    IOptionsMonitor<MarketingOptions> options, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<BroadcastView>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Broadcasts.AsNoTracking().Where(b => b.BusinessId == businessId)
            .OrderByDescending(b => b.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var counts = await BroadcastCounting.CountAsync(db, businessId, rows.Select(r => r.Id).ToList(), cancellationToken);
        var categories = await CategoriesAsync(businessId, cancellationToken);
        return rows.Select(r => View(r, counts.GetValueOrDefault(r.Id) ?? BroadcastCounting.Empty, categories)).ToList();
    }

    public async Task<BroadcastView?> GetAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.BusinessId == businessId && b.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var counts = await BroadcastCounting.CountAsync(db, businessId, [row.Id], cancellationToken);
        return View(row, counts.GetValueOrDefault(row.Id) ?? BroadcastCounting.Empty, await CategoriesAsync(businessId, cancellationToken));
    }

    /// <exception cref="BroadcastRejectedException">A missing name, unknown segment, unapproved template or wrong parameters.</exception>
    public async Task<BroadcastView> CreateAsync(string businessId, BroadcastInput input, string? createdBy, CancellationToken cancellationToken)
    {
        var (name, template, fallback, parameters, _, _) = await rules.CheckAsync(businessId, input, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var row = new Broadcast
        {
            Id = RowIds.New(), BusinessId = businessId, Name = name, SegmentId = NullIfEmpty(input.SegmentId), TemplateName = template,
            FallbackLanguage = fallback, Parameters = JsonSerializer.Serialize(parameters, Json), CreatedBy = createdBy, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Broadcasts.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return View(row, BroadcastCounting.Empty, await CategoriesAsync(businessId, cancellationToken));
    }

    /// <summary>Replaces a draft; null when there is no such broadcast.</summary>
    public async Task<BroadcastView?> UpdateAsync(string businessId, string id, BroadcastInput input, CancellationToken cancellationToken)
    {
        var (name, template, fallback, parameters, _, _) = await rules.CheckAsync(businessId, input, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Broadcasts.FirstOrDefaultAsync(b => b.BusinessId == businessId && b.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        RequireStatus(row, "change", BroadcastStatus.Draft);
        (row.Name, row.TemplateName, row.FallbackLanguage) = (name, template, fallback);
        row.SegmentId = NullIfEmpty(input.SegmentId);
        row.Parameters = JsonSerializer.Serialize(parameters, Json);
        row.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken);
        return View(row, BroadcastCounting.Empty, await CategoriesAsync(businessId, cancellationToken));
    }

    public async Task<bool> DeleteDraftAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Broadcasts.FirstOrDefaultAsync(b => b.BusinessId == businessId && b.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        RequireStatus(row, "delete", BroadcastStatus.Draft);
        db.Broadcasts.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Schedules a draft for <paramref name="at"/> (now when null). A time in the past is refused.</summary>
    public Task<BroadcastView?> ScheduleAsync(string businessId, string id, DateTimeOffset? at, CancellationToken cancellationToken) =>
        MoveAsync(businessId, id, "schedule", [BroadcastStatus.Draft], async (row, now) =>
        {
            if (at is { } when && when < now.AddMinutes(-1))
            {
                throw BroadcastRejectedException.For("at", $"{WestAfricaTime.Local(when):yyyy-MM-dd HH:mm} WAT is in the past; choose a later time or send now.");
            }

            // The template may have changed since the draft was saved (Meta paused it, a language was added).
            var input = new BroadcastInput(row.Name, row.SegmentId, row.TemplateName, row.FallbackLanguage, JsonSerializer.Deserialize<List<string>>(row.Parameters, Json));
            await rules.CheckAsync(businessId, input, cancellationToken);
            row.Status = BroadcastStatus.Scheduled;
            row.ScheduledAt = (at ?? now).ToUnixTimeMilliseconds();
        }, cancellationToken);

    public Task<BroadcastView?> PauseAsync(string businessId, string id, CancellationToken cancellationToken) =>
        MoveAsync(businessId, id, "pause", [BroadcastStatus.Scheduled, BroadcastStatus.Sending], (row, _) =>
        {
            row.Status = BroadcastStatus.Paused;
            row.StatusReason = "Paused by the marketer.";
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<BroadcastView?> ResumeAsync(string businessId, string id, CancellationToken cancellationToken) =>
        MoveAsync(businessId, id, "resume", [BroadcastStatus.Paused], async (row, now) =>
        {
            var variants = (await templates.ListAsync(businessId, cancellationToken)).Where(t => t.Name == row.TemplateName).ToList();
            if (!variants.Any(TemplateChoice.IsApproved))
            {
                throw BroadcastRejectedException.For("templateName", $"'{row.TemplateName}' is not approved by Meta now; it cannot be sent.");
            }

            row.Status = row.Materialized ? BroadcastStatus.Sending : BroadcastStatus.Scheduled;
            row.StatusReason = null;
            row.ScheduledAt ??= now.ToUnixTimeMilliseconds();
        }, cancellationToken);

    public Task<BroadcastView?> CancelAsync(string businessId, string id, CancellationToken cancellationToken) =>
        MoveAsync(businessId, id, "cancel", BroadcastStatus.Open, (row, now) =>
        {
            row.Status = BroadcastStatus.Cancelled;
            row.CompletedAt = now.ToUnixTimeMilliseconds();
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Queues again the recipients whose failure may pass (Meta's per-user cap, throughput, outages), at most twice each.</summary>
    public async Task<(BroadcastView? View, int Retried)> RetryFailedAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        var retried = 0;
        var view = await MoveAsync(businessId, id, "retry", [BroadcastStatus.Completed, BroadcastStatus.Sending, BroadcastStatus.Paused], async (row, now) =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var failed = await db.Recipients
                .Where(r => r.BroadcastId == row.Id && (r.Status == RecipientStatus.Failed || r.Status == RecipientStatus.Limited) && r.Attempt < MetaCodes.MaxRetries)
                .ToListAsync(cancellationToken);
            foreach (var recipient in failed.Where(r => MetaCodes.IsRetryable(r.ErrorCode)))
            {
                recipient.Attempt++;
                recipient.Status = RecipientStatus.Pending;
                recipient.NotBefore = recipient.ErrorCode == MetaErrors.MarketingPerUserLimit && recipient.FailedAt is { } at
                    ? Math.Max(at + (long)MetaCodes.MarketingCapWait.TotalMilliseconds, now.ToUnixTimeMilliseconds())
                    : null;
                (recipient.Reason, recipient.ErrorCode, recipient.FailedAt, recipient.QueuedAt, recipient.SentAt) = (null, null, null, null, null);
                recipient.UpdatedAt = now.ToUnixTimeMilliseconds();
                retried++;
            }

            await db.SaveChangesAsync(cancellationToken);
            if (retried > 0)
            {
                row.Status = BroadcastStatus.Sending;
                row.CompletedAt = null;
            }
        }, cancellationToken);
        return (view, retried);
    }

    public async Task<IReadOnlyList<RecipientView>?> RecipientsAsync(
        string businessId, string id, string? status, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Broadcasts.AnyAsync(b => b.BusinessId == businessId && b.Id == id, cancellationToken))
        {
            return null;
        }

        var query = db.Recipients.AsNoTracking().Where(r => r.BroadcastId == id);
        if (!string.IsNullOrEmpty(status))
        {
            query = status switch
            {
                "replied" => query.Where(r => r.RepliedAt != null),
                "ordered" => query.Where(r => r.OrderedAt != null),
                _ => query.Where(r => r.Status == status),
            };
        }

        var rows = await query.OrderBy(r => r.Id).Skip(Math.Max(0, offset)).Take(Math.Clamp(limit, 1, 10_000)).ToListAsync(cancellationToken);
        return rows.Select(RecipientView).ToList();
    }

    internal static RecipientView RecipientView(BroadcastRecipient r) => new(
        r.ContactId, r.Address, r.Channel, r.Language, r.TemplateLanguage, r.Status,
        r.Status == RecipientStatus.Skipped ? SkipReasons.Explain(r.Reason) : r.Reason, r.ErrorCode, r.Attempt,
        At(r.QueuedAt), At(r.SentAt), At(r.DeliveredAt), At(r.ReadAt), At(r.RepliedAt), At(r.OrderedAt), r.RevenueKobo);

    private async Task<BroadcastView?> MoveAsync(
        string businessId, string id, string verb, IReadOnlyCollection<string> from, Func<Broadcast, DateTimeOffset, Task> change,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Broadcasts.FirstOrDefaultAsync(b => b.BusinessId == businessId && b.Id == id, cancellationToken);
        if (row is null)
        {
            return null;
        }

        RequireStatus(row, verb, [.. from]);
        var now = clock.GetUtcNow();
        await change(row, now);
        row.UpdatedAt = now.ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(cancellationToken); // only the columns changed here: a sender's lease update is kept

        signal.Notify();
        return await GetAsync(businessId, id, cancellationToken);
    }

    private static void RequireStatus(Broadcast row, string verb, params string[] allowed)
    {
        if (!allowed.Contains(row.Status))
        {
            throw BroadcastRejectedException.For("status", $"A {row.Status} broadcast cannot {verb} (only {string.Join(" or ", allowed)}).");
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> CategoriesAsync(string businessId, CancellationToken cancellationToken) =>
        (await templates.ListAsync(businessId, cancellationToken))
            .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First().Category);

    private BroadcastView View(Broadcast row, BroadcastCounts counts, IReadOnlyDictionary<string, string> categories)
    {
        var category = categories.GetValueOrDefault(row.TemplateName) ?? "MARKETING";
        var price = options.CurrentValue.PriceKobo.GetValueOrDefault(category);
        return new BroadcastView(
            row.Id, row.Name, row.SegmentId, row.TemplateName, row.FallbackLanguage, JsonSerializer.Deserialize<List<string>>(row.Parameters, Json) ?? [],
            row.Status, row.StatusReason, At(row.ScheduledAt), At(row.HeldUntil), row.HeldReason, At(row.CreatedAt)!.Value, At(row.StartedAt),
            At(row.CompletedAt), row.CreatedBy, counts, counts.Delivered * price);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static DateTimeOffset? At(long? ms) => WestAfricaTime.FromUnixMs(ms);
}
