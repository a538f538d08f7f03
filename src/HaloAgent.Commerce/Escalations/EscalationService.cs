using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Escalations;

internal sealed class EscalationService(IDbContextFactory<CommerceDbContext> factory, TimeProvider clock) : IEscalationService
{
    public async Task<EscalationOpened> OpenAsync(string businessId, string contactId, string reason, string openedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(openedBy);
        for (var attempt = 0; ; attempt++)
        {
            if (await GetOpenAsync(contactId, cancellationToken) is { } open)
            {
                return new EscalationOpened(open, AlreadyOpen: true);
            }

            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var escalation = new Escalation
            {
                Id = Ids.New(),
                BusinessId = businessId,
                ContactId = contactId,
                Reason = reason.Trim(),
                Status = EscalationStatus.Open,
                OpenedBy = openedBy.Trim(),
                OpenedAt = now,
            };
            db.Escalations.Add(escalation);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                // Opened concurrently (the customer asked twice): the unique open-per-contact index kept one.
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            await db.Contacts.Where(c => c.Id == contactId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AgentPaused, true).SetProperty(c => c.AgentPausedAt, now).SetProperty(c => c.UpdatedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new EscalationOpened(EscalationView.From(escalation), AlreadyOpen: false);
        }
    }

    public async Task<EscalationView?> ResolveAsync(string escalationId, string resolvedBy, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resolvedBy);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var escalation = await db.Escalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == escalationId, cancellationToken);
        if (escalation is null)
        {
            return null;
        }

        var resolved = await db.Escalations.Where(e => e.Id == escalationId && e.Status == EscalationStatus.Open)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EscalationStatus.Resolved)
                .SetProperty(e => e.ResolvedBy, resolvedBy.Trim())
                .SetProperty(e => e.ResolutionNote, note)
                .SetProperty(e => e.ResolvedAt, now), cancellationToken);
        if (resolved == 1)
        {
            await db.Contacts.Where(c => c.Id == escalation.ContactId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AgentPaused, false).SetProperty(c => c.AgentPausedAt, (long?)null).SetProperty(c => c.UpdatedAt, now), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var current = await db.Escalations.AsNoTracking().SingleAsync(e => e.Id == escalationId, cancellationToken);
        return EscalationView.From(current);
    }

    public async Task<EscalationView?> GetOpenAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var open = await db.Escalations.AsNoTracking()
            .FirstOrDefaultAsync(e => e.ContactId == contactId && e.Status == EscalationStatus.Open, cancellationToken);
        return open is null ? null : EscalationView.From(open);
    }

    public async Task<IReadOnlyList<EscalationView>> ListOpenAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var open = await db.Escalations.AsNoTracking()
            .Where(e => e.BusinessId == businessId && e.Status == EscalationStatus.Open)
            .ExceptSandbox(db)
            .OrderBy(e => e.OpenedAt).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return open.Select(EscalationView.From).ToList();
    }
}
