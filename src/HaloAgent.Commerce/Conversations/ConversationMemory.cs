using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Conversations;

internal sealed class ConversationMemory(IDbContextFactory<CommerceDbContext> factory, HotQueries queries, TimeProvider clock) : IConversationMemory
{
    /// <summary>Enough context for the NLU/LLM; more would only cost tokens.</summary>
    public const int MaxTurns = 20;

    /// <summary>Long messages (4,000 characters happen) are kept shortened; the message log has the full text.</summary>
    public const int MaxTurnLength = 1000;

    private const int MaxAttempts = 10;

    public Task AppendTurnAsync(string businessId, string contactId, ConversationTurn turn, CancellationToken cancellationToken)
    {
        var text = turn.Text.Length <= MaxTurnLength ? turn.Text : turn.Text[..MaxTurnLength];
        return UpdateAsync(businessId, contactId, record =>
        {
            var turns = Json.Read(record.TurnsJson, new List<ConversationTurn>());
            turns.Add(turn with { Text = text });
            if (turns.Count > MaxTurns)
            {
                turns.RemoveRange(0, turns.Count - MaxTurns);
            }

            record.TurnsJson = Json.Write(turns);
        }, cancellationToken);
    }

    public async Task<ConversationMemorySnapshot> GetAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var record = await queries.MemoryByContact(db, contactId, cancellationToken);
        if (record is null)
        {
            return ConversationMemorySnapshot.Empty;
        }

        return new ConversationMemorySnapshot(
            Json.Read(record.TurnsJson, new List<ConversationTurn>()),
            new Dictionary<string, string>(Json.Read(record.FactsJson, new Dictionary<string, string>()), StringComparer.Ordinal));
    }

    public Task SetFactAsync(string businessId, string contactId, string key, string? value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return UpdateAsync(businessId, contactId, record =>
        {
            var facts = Json.Read(record.FactsJson, new Dictionary<string, string>());
            if (string.IsNullOrWhiteSpace(value))
            {
                facts.Remove(key);
            }
            else
            {
                facts[key] = value.Trim();
            }

            record.FactsJson = Json.Write(facts);
        }, cancellationToken);
    }

    /// <summary>
    /// Read-modify-write guarded by the row's version: two nodes appending at once both succeed, one after retrying.
    /// </summary>
    private async Task UpdateAsync(string businessId, string contactId, Action<ConversationMemoryRecord> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var record = await db.ConversationMemory.FirstOrDefaultAsync(m => m.ContactId == contactId, cancellationToken);
            if (record is null)
            {
                record = new ConversationMemoryRecord { ContactId = contactId, BusinessId = businessId };
                db.ConversationMemory.Add(record);
            }

            change(record);
            record.Version++;
            record.UpdatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e)))
            {
                // Someone else wrote in between: start over from their version.
            }
        }
    }
}
