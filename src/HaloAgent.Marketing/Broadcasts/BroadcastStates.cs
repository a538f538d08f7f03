using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>
/// The sender's own moves of a broadcast, each a conditional update: a marketer's pause or cancel that landed first is
/// never overwritten by a sender working from an older read.
/// </summary>
internal static class BroadcastStates
{
    public static Task FailAsync(IDbContextFactory<MarketingDbContext> factory, string id, string reason, long now, CancellationToken cancellationToken) =>
        UpdateAsync(factory, id, BroadcastStatus.Scheduled, s => s
            .SetProperty(b => b.Status, BroadcastStatus.Failed).SetProperty(b => b.StatusReason, reason)
            .SetProperty(b => b.CompletedAt, now).SetProperty(b => b.UpdatedAt, now), cancellationToken);

    public static Task PauseAsync(IDbContextFactory<MarketingDbContext> factory, string id, string reason, long now, CancellationToken cancellationToken) =>
        UpdateAsync(factory, id, BroadcastStatus.Sending, s => s
            .SetProperty(b => b.Status, BroadcastStatus.Paused).SetProperty(b => b.StatusReason, reason)
            .SetProperty(b => b.UpdatedAt, now), cancellationToken);

    public static Task HoldAsync(
        IDbContextFactory<MarketingDbContext> factory, string id, long until, string reason, long now, CancellationToken cancellationToken) =>
        UpdateAsync(factory, id, BroadcastStatus.Sending, s => s
            .SetProperty(b => b.HeldUntil, until).SetProperty(b => b.HeldReason, reason)
            .SetProperty(b => b.UpdatedAt, now), cancellationToken);

    public static Task ReleaseAsync(IDbContextFactory<MarketingDbContext> factory, string id, long now, CancellationToken cancellationToken) =>
        UpdateAsync(factory, id, BroadcastStatus.Sending, s => s
            .SetProperty(b => b.HeldUntil, (long?)null).SetProperty(b => b.HeldReason, (string?)null)
            .SetProperty(b => b.UpdatedAt, now), cancellationToken);

    public static Task CompleteAsync(IDbContextFactory<MarketingDbContext> factory, string id, long now, CancellationToken cancellationToken) =>
        UpdateAsync(factory, id, BroadcastStatus.Sending, s => s
            .SetProperty(b => b.Status, BroadcastStatus.Completed).SetProperty(b => b.CompletedAt, now)
            .SetProperty(b => b.HeldUntil, (long?)null).SetProperty(b => b.HeldReason, (string?)null)
            .SetProperty(b => b.UpdatedAt, now), cancellationToken);

    private static async Task UpdateAsync(
        IDbContextFactory<MarketingDbContext> factory, string id, string from,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Broadcast>> set, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Broadcasts.Where(b => b.Id == id && b.Status == from).ExecuteUpdateAsync(set, cancellationToken);
    }
}
