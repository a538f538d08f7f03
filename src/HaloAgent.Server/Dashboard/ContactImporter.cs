using HaloAgent.Platform.Identity;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Imports the owner's contact list: valid rows create or update contacts of the business (matched by phone), broken
/// rows are reported by line and never stop the others.
/// </summary>
public sealed class ContactImporter(IDbContextFactory<CommerceDbContext> factory, TimeProvider clock)
{
    /// <summary>Rows written per transaction: one round trip per chunk, and a failing chunk is redone row by row.</summary>
    private const int ChunkSize = 200;

    public async Task<ContactImportResult> ImportAsync(string businessId, string csv, CancellationToken cancellationToken)
    {
        var (rows, errors) = ContactCsv.Parse(csv);
        var allErrors = errors.ToList();
        int imported = 0, updated = 0;
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            try
            {
                var (created, changed) = await ApplyAsync(businessId, chunk, cancellationToken);
                imported += created;
                updated += changed;
            }
            catch (DbUpdateException)
            {
                // Usually a customer who wrote (and was created) while we imported: redo each row alone, so the
                // insert that lost the race becomes an update and any genuinely bad row is reported by its line.
                foreach (var row in chunk)
                {
                    try
                    {
                        var (created, changed) = await ApplyAsync(businessId, [row], cancellationToken);
                        imported += created;
                        updated += changed;
                    }
                    catch (DbUpdateException e)
                    {
                        allErrors.Add(new ContactImportError(row.Line, $"The contact could not be saved: {(e.InnerException ?? e).Message}"));
                    }
                }
            }
        }

        return new ContactImportResult(imported, updated, allErrors.OrderBy(e => e.Line).ToList());
    }

    private async Task<(int Created, int Updated)> ApplyAsync(string businessId, IReadOnlyList<ContactImportRow> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var keys = rows.Select(r => r.WaId).Distinct().ToList();
        var existing = await db.Contacts.Where(c => c.BusinessId == businessId && keys.Contains(c.WaId))
            .ToDictionaryAsync(c => c.WaId, StringComparer.Ordinal, cancellationToken);
        int created = 0, changed = 0;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.WaId, out var contact))
            {
                Update(contact, row, now);
                changed++;
                continue;
            }

            contact = new Contact
            {
                Id = RowIds.New(),
                BusinessId = businessId,
                WaId = row.WaId,
                PhoneE164 = row.PhoneE164,
                Name = row.Name,
                PreferredLanguage = row.Language,
                // Consent to process their data for orders is given by the customer when they write, not by a list.
                DataConsent = false,
                MarketingConsent = row.MarketingOptIn == true,
                // An explicit answer on the list (yes or no) is dated: the page tells "opted out" from "never asked".
                MarketingConsentAt = row.MarketingOptIn is null ? null : now,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Contacts.Add(contact);
            existing[row.WaId] = contact;
            created++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return (created, changed);
    }

    private static void Update(Contact contact, ContactImportRow row, long now)
    {
        contact.Name = row.Name ?? contact.Name;
        contact.PreferredLanguage = row.Language ?? contact.PreferredLanguage;
        contact.PhoneE164 ??= row.PhoneE164;
        if (row.MarketingOptIn == false && contact.MarketingConsent)
        {
            contact.MarketingConsent = false;
            contact.MarketingConsentAt = now;
        }
        else if (row.MarketingOptIn == true && !contact.MarketingConsent && !contact.MarketingOptOut)
        {
            // A customer who said STOP stays opted out whatever the owner's list says: only the customer lifts it.
            contact.MarketingConsent = true;
            contact.MarketingConsentAt = now;
        }

        contact.UpdatedAt = now;
    }
}
