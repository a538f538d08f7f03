using System.Linq.Expressions;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Messaging;

internal sealed class MessageLog(IDbContextFactory<CommerceDbContext> factory, TimeProvider clock) : IMessageLog
{
    public async Task<LogResult> RecordInboundAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var now = Now();
        var record = new LoggedMessage
        {
            Id = Ids.New(),
            BusinessId = message.BusinessId,
            ContactId = message.ContactId,
            Direction = MessageDirection.Inbound,
            Channel = message.Channel,
            ExternalId = Blank(message.ExternalId),
            Type = message.Type,
            Text = message.Text,
            Payload = message.Payload,
            Status = MessageStatus.Received,
            CreatedAt = message.At ?? now,
            UpdatedAt = now,
        };
        return await InsertOnceAsync(record, db => record.ExternalId is null
            ? null
            : db.Messages.Where(m => m.BusinessId == record.BusinessId && m.Channel == record.Channel && m.ExternalId == record.ExternalId), cancellationToken);
    }

    public async Task<LogResult> RecordOutboundAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var now = Now();
        var record = new LoggedMessage
        {
            Id = Ids.New(),
            BusinessId = message.BusinessId,
            ContactId = message.ContactId,
            Direction = MessageDirection.Outbound,
            Channel = message.Channel,
            IdempotencyKey = Blank(message.IdempotencyKey),
            Type = message.Type,
            Text = message.Text,
            Payload = message.Payload,
            Status = MessageStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await InsertOnceAsync(record, db => record.IdempotencyKey is null
            ? null
            : db.Messages.Where(m => m.BusinessId == record.BusinessId && m.IdempotencyKey == record.IdempotencyKey), cancellationToken);
    }

    public async Task<StatusUpdateOutcome> MarkSentAsync(string messageId, string externalId, long at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var attached = await db.Messages.Where(m => m.Id == messageId && (m.ExternalId == null || m.ExternalId == externalId))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExternalId, externalId).SetProperty(m => m.UpdatedAt, now), cancellationToken);
        if (attached == 0)
        {
            return await db.Messages.AnyAsync(m => m.Id == messageId, cancellationToken) ? StatusUpdateOutcome.Stale : StatusUpdateOutcome.UnknownMessage;
        }

        return await ApplyAsync(db, m => m.Id == messageId, MessageStatus.Sent, at, null, null, cancellationToken);
    }

    public async Task<StatusUpdateOutcome> MarkFailedAsync(string messageId, string? errorCode, string? errorTitle, long at, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ApplyAsync(db, m => m.Id == messageId, MessageStatus.Failed, at, errorCode, errorTitle, cancellationToken);
    }

    public async Task<StatusUpdateOutcome> ApplyStatusAsync(StatusUpdate update, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ApplyAsync(db,
            m => m.BusinessId == update.BusinessId && m.Channel == update.Channel && m.ExternalId == update.ExternalId,
            update.Status, update.At, update.ErrorCode, update.ErrorTitle, cancellationToken);
    }

    public async Task<MessageView?> GetAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        return message is null ? null : MessageView.From(message);
    }

    public async Task<IReadOnlyList<MessageView>> ListAsync(string businessId, string contactId, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.BusinessId == businessId && m.ContactId == contactId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        return messages.AsEnumerable().Reverse().Select(MessageView.From).ToList();
    }

    private async Task<LogResult> InsertOnceAsync(LoggedMessage record, Func<CommerceDbContext, IQueryable<LoggedMessage>?> existing, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (existing(db) is { } query && await query.Select(m => m.Id).FirstOrDefaultAsync(cancellationToken) is { } id)
            {
                return new LogResult(id, Duplicate: true);
            }

            db.Messages.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new LogResult(record.Id, Duplicate: false);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                // The same delivery is being handled on another node right now: the next pass finds its row.
            }
        }
    }

    private async Task<StatusUpdateOutcome> ApplyAsync(CommerceDbContext db, Expression<Func<LoggedMessage, bool>> target, MessageStatus status, long at,
        string? errorCode, string? errorTitle, CancellationToken cancellationToken)
    {
        if (status is MessageStatus.Received or MessageStatus.Queued)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only sent, delivered, read and failed come from a channel.");
        }

        var id = await db.Messages.Where(target).Where(m => m.Direction == MessageDirection.Outbound).Select(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return StatusUpdateOutcome.UnknownMessage;
        }

        var now = Now();
        var moved = await db.Messages.Where(m => m.Id == id).Where(CanMoveTo(status))
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(m => m.Status, status).SetProperty(m => m.UpdatedAt, now);
                if (status == MessageStatus.Failed)
                {
                    s.SetProperty(m => m.ErrorCode, errorCode).SetProperty(m => m.ErrorTitle, errorTitle);
                }
            }, cancellationToken);

        // Keep each status's own time even when it arrives late (WhatsApp does not order callbacks).
        var single = db.Messages.Where(m => m.Id == id);
        _ = status switch
        {
            MessageStatus.Sent => await single.Where(m => m.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at), cancellationToken),
            MessageStatus.Delivered => await single.Where(m => m.DeliveredAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, at), cancellationToken),
            MessageStatus.Read => await single.Where(m => m.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, at), cancellationToken),
            _ => moved == 1 ? await single.Where(m => m.FailedAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, at), cancellationToken) : 0,
        };
        return moved == 1 ? StatusUpdateOutcome.Applied : StatusUpdateOutcome.Stale;
    }

    private static Expression<Func<LoggedMessage, bool>> CanMoveTo(MessageStatus status) => status switch
    {
        MessageStatus.Sent => m => m.Status == MessageStatus.Queued,
        MessageStatus.Delivered => m => m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sent,
        MessageStatus.Read => m => m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sent || m.Status == MessageStatus.Delivered,
        MessageStatus.Failed => m => m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sent,
        _ => m => false,
    };

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
