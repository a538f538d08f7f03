using HaloAgent.Platform.Time;
using HaloAgent.Marketing.Segments;
using HaloAgent.Marketing.Templates;
using HaloAgent.Platform.Audience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// Before sending: how many will get the broadcast, how many are skipped and why, whether it fits Meta's messaging
/// limit today, what it may cost and when it would start. Uses the sender's own rules (<see cref="BroadcastPlanner"/>).
/// </summary>
public sealed class BroadcastPreflight(
    IDbContextFactory<MarketingDbContext> factory, BroadcastRules rules, IAudience audience, IOptionsMonitor<MarketingOptions> options, TimeProvider clock)
{
    /// <exception cref="BroadcastRejectedException">The draft itself is not valid (template, parameters, segment).</exception>
    public async Task<Preflight> RunAsync(string businessId, BroadcastInput input, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var checkedInput = input with { Name = string.IsNullOrWhiteSpace(input.Name) ? "pre-flight" : input.Name };
        var draft = await rules.CheckAsync(businessId, checkedInput, cancellationToken);
        var variants = draft.Variants;
        var plan = BroadcastPlanner.Plan(
            await audience.RecipientsAsync(businessId, draft.Filter, cancellationToken), new TemplateChoice(variants, draft.Fallback));

        var now = clock.GetUtcNow();
        var ms = now.ToUnixTimeMilliseconds();
        var sending = plan.Where(p => p.SkipReason is null).ToList();
        int capped, reached;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            capped = (await MarketingReach.CappedAsync(db, businessId, sending.Select(p => p.Contact.ContactId).ToList(), settings, ms, cancellationToken)).Count;
            reached = (await MarketingReach.ReachedTodayAsync(db, businessId, ms, cancellationToken)).Count;
        }

        var skipped = plan.Where(p => p.SkipReason is not null).GroupBy(p => p.SkipReason!).ToDictionary(g => g.Key, g => g.Count());
        if (capped > 0)
        {
            skipped[SkipReasons.FrequencyCap] = capped;
        }

        var whatsApp = sending.Where(p => p.Contact.Channel == "whatsapp").ToList();
        var outsideWindow = whatsApp.Count(p => p.Contact.LastMessageAt is not { } at || at < now.AddDays(-1));
        var category = variants.FirstOrDefault()?.Category ?? "MARKETING";
        var price = settings.PriceKobo.GetValueOrDefault(category);

        // Utility templates are free inside the customer's 24-hour window; marketing always costs.
        var charged = string.Equals(category, "UTILITY", StringComparison.OrdinalIgnoreCase) ? outsideWindow : whatsApp.Count;
        var willSend = sending.Count - capped;
        var fits = reached + Math.Min(outsideWindow, willSend) <= settings.MessagingLimit;
        var warnings = new List<string>();
        if (willSend == 0)
        {
            warnings.Add("Nobody in this audience can receive it: see the skipped reasons.");
        }

        if (!fits)
        {
            warnings.Add($"More customers than Meta's messaging limit ({settings.MessagingLimit:N0} in 24 h, {reached:N0} reached already): the rest wait for the limit to free up.");
        }

        var held = new QuietHours(settings.QuietHoursStart, settings.QuietHoursEnd).HeldUntil(now);
        if (held is { } until)
        {
            warnings.Add($"Quiet hours now: sending starts at {WestAfricaTime.Local(until):HH:mm} WAT.");
        }

        return new Preflight(
            plan.Count, willSend, skipped,
            sending.GroupBy(p => p.Language).ToDictionary(g => g.Key, g => g.Count()),
            sending.GroupBy(p => p.Contact.Channel).ToDictionary(g => g.Key, g => g.Count()),
            outsideWindow, settings.MessagingLimit, reached, fits, category, (long)charged * price, held, warnings);
    }
}
