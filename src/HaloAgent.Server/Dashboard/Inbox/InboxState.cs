using HaloAgent.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Dashboard.Inbox;

/// <summary>What the inbox keeps of its own: when each conversation was last read, and the business's quick replies.</summary>
public sealed class InboxState(IDbContextFactory<InboxDbContext> factory, TimeProvider clock)
{
    /// <summary>A short list to tap through on a phone, not a template library.</summary>
    public const int MaxQuickReplies = 20;

    public const int MaxQuickReplyLength = 1000;

    /// <summary>
    /// The conversation is read up to its message at <paramref name="upTo"/> (the messages' own clock, so a node's
    /// clock never marks a later message read); several nodes may do this at once (the later time wins).
    /// </summary>
    public async Task MarkReadAsync(string businessId, string contactId, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var now = upTo.ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Reads.Where(r => r.BusinessId == businessId && r.ContactId == contactId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadAt, r => r.ReadAt > now ? r.ReadAt : now), cancellationToken);
        if (updated > 0)
        {
            return;
        }

        db.Reads.Add(new ConversationRead { BusinessId = businessId, ContactId = contactId, ReadAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request inserted it first: its time is as good as ours.
        }
    }

    /// <summary>When each of <paramref name="contactIds"/> was last read (absent: never).</summary>
    public async Task<Dictionary<string, long>> ReadAtAsync(string businessId, IReadOnlyCollection<string> contactIds, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var ids = contactIds.ToList();
        return await db.Reads.AsNoTracking().Where(r => r.BusinessId == businessId && ids.Contains(r.ContactId))
            .ToDictionaryAsync(r => r.ContactId, r => r.ReadAt, StringComparer.Ordinal, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> QuickRepliesAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.QuickReplies.AsNoTracking().Where(r => r.BusinessId == businessId)
            .OrderBy(r => r.Position).Select(r => r.Text).ToListAsync(cancellationToken);
    }

    /// <summary>Why the list cannot be saved (null when it can).</summary>
    public static string? Problem(IReadOnlyList<string?>? replies)
    {
        if (replies is null)
        {
            return "'replies' is required: a list of texts.";
        }

        if (replies.Count > MaxQuickReplies)
        {
            return $"{replies.Count} quick replies; at most {MaxQuickReplies} are kept.";
        }

        for (var i = 0; i < replies.Count; i++)
        {
            var text = replies[i]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return $"Quick reply {i + 1} is empty.";
            }

            if (text.Length > MaxQuickReplyLength)
            {
                return $"Quick reply {i + 1} is {text.Length} characters; at most {MaxQuickReplyLength} are allowed.";
            }
        }

        return null;
    }

    /// <summary>Replaces the business's list (checked with <see cref="Problem"/> first); duplicates are kept once.</summary>
    public async Task<IReadOnlyList<string>> SaveQuickRepliesAsync(string businessId, IReadOnlyList<string> replies, CancellationToken cancellationToken)
    {
        var texts = replies.Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.QuickReplies.Where(r => r.BusinessId == businessId).ExecuteDeleteAsync(cancellationToken);
        db.QuickReplies.AddRange(texts.Select((text, i) => new QuickReply
        {
            Id = RowIds.New(),
            BusinessId = businessId,
            Position = i,
            Text = text,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return texts;
    }
}
