using HaloAgent.Commerce.Catalog;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Persistence;

/// <summary>
/// The reads every customer message makes several times (contact, memory, menu), compiled once: a profile of the
/// webhook benchmark showed EF's per-call query preparation (expression-tree cache keys) among the largest costs.
/// A compiled query belongs to one EF model, so this is a singleton of the container, not static: a process may hold
/// containers for SQLite and PostgreSQL at once (the tests do).
/// </summary>
internal sealed class HotQueries
{
    public readonly Func<CommerceDbContext, string, CancellationToken, Task<Contact?>> ContactById =
        EF.CompileAsyncQuery((CommerceDbContext db, string id, CancellationToken _) => db.Contacts.AsNoTracking().FirstOrDefault(c => c.Id == id));

    public readonly Func<CommerceDbContext, string, string, CancellationToken, Task<Contact?>> ContactByKey =
        EF.CompileAsyncQuery((CommerceDbContext db, string businessId, string waId, CancellationToken _) =>
            db.Contacts.AsNoTracking().FirstOrDefault(c => c.BusinessId == businessId && c.WaId == waId));

    public readonly Func<CommerceDbContext, string, CancellationToken, Task<ConversationMemoryRecord?>> MemoryByContact =
        EF.CompileAsyncQuery((CommerceDbContext db, string contactId, CancellationToken _) =>
            db.ConversationMemory.AsNoTracking().FirstOrDefault(m => m.ContactId == contactId));

    public readonly Func<CommerceDbContext, string, bool, IAsyncEnumerable<Product>> Products =
        EF.CompileAsyncQuery<CommerceDbContext, string, bool, Product>((db, businessId, includeInactive) =>
            db.Products.AsNoTracking().Where(p => p.BusinessId == businessId && (includeInactive || p.Active)).OrderBy(p => p.Position).ThenBy(p => p.Sku));
}
