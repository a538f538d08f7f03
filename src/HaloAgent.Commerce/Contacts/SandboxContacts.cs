using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Commerce.Contacts;

/// <summary>
/// The one rule that keeps test runs out of the business: a contact created as a sandbox (<see cref="Contact.Sandbox"/>,
/// the Studio's test customer) is not a customer. What it causes is stored like any customer's (carts, orders,
/// payments, hand-overs), so the flow under test behaves exactly as it will live, but every owner-facing list, count and
/// lookup leaves it out (through these filters, or by the flag on a contact already loaded), and its orders never take
/// stock (<see cref="IOrderService.CreateFromCartAsync"/>).
/// </summary>
public static class SandboxContacts
{
    /// <summary>Starts a sandbox order's number (TEST-MNK-0001): numbered apart from the business's own orders.</summary>
    public const string OrderNumberPrefix = "TEST-";

    public static IQueryable<Contact> ExceptSandbox(this IQueryable<Contact> contacts) => contacts.Where(c => !c.Sandbox);

    public static IQueryable<Order> ExceptSandbox(this IQueryable<Order> orders, CommerceDbContext db) =>
        orders.Where(o => !db.Contacts.Any(c => c.Id == o.ContactId && c.Sandbox));

    public static IQueryable<Payment> ExceptSandbox(this IQueryable<Payment> payments, CommerceDbContext db) =>
        payments.Where(p => !db.Contacts.Any(c => c.Id == p.ContactId && c.Sandbox));

    public static IQueryable<Escalation> ExceptSandbox(this IQueryable<Escalation> escalations, CommerceDbContext db) =>
        escalations.Where(e => !db.Contacts.Any(c => c.Id == e.ContactId && c.Sandbox));

    public static Task<bool> IsSandboxAsync(CommerceDbContext db, string contactId, CancellationToken cancellationToken) =>
        db.Contacts.AnyAsync(c => c.Id == contactId && c.Sandbox, cancellationToken);
}
