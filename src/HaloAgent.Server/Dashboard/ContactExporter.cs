using HaloAgent.Channels.History;
using HaloAgent.Commerce.Carts;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Dashboard;

/// <summary>Gathers <see cref="ContactExport"/> from every module that stores something about the contact.</summary>
public sealed class ContactExporter(
    IDbContextFactory<CommerceDbContext> factory,
    IConversationMemory memory,
    ICartService carts,
    IOrderService orders,
    IPaymentService payments,
    ConversationHistory history,
    TimeProvider clock)
{
    public async Task<ContactExport> ExportAsync(ContactInfo contact, CancellationToken cancellationToken)
    {
        List<string> paymentIds;
        List<string> orderIds;
        List<EscalationView> escalations;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Every order, not the agent's recent-orders window: an access request covers the whole history.
            orderIds = await db.Orders.AsNoTracking()
                .Where(o => o.BusinessId == contact.BusinessId && o.ContactId == contact.Id)
                .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);
            paymentIds = await db.Payments.AsNoTracking()
                .Where(p => p.BusinessId == contact.BusinessId && p.ContactId == contact.Id)
                .OrderBy(p => p.CreatedAt).Select(p => p.Id).ToListAsync(cancellationToken);
            escalations = (await db.Escalations.AsNoTracking()
                    .Where(e => e.BusinessId == contact.BusinessId && e.ContactId == contact.Id)
                    .OrderBy(e => e.OpenedAt).ToListAsync(cancellationToken))
                .Select(e => new EscalationView(e.Id, e.BusinessId, e.ContactId, e.Reason, e.Status, e.OpenedBy, e.OpenedAt, e.ResolvedBy, e.ResolutionNote, e.ResolvedAt))
                .ToList();
        }

        var orderViews = new List<OrderView>(orderIds.Count);
        foreach (var id in orderIds)
        {
            if (await orders.GetAsync(id, cancellationToken) is { } order)
            {
                orderViews.Add(order);
            }
        }

        var paymentDetails = new List<PaymentDetails>(paymentIds.Count);
        foreach (var id in paymentIds)
        {
            if (await payments.GetDetailsAsync(contact.BusinessId, id, cancellationToken) is { } details)
            {
                paymentDetails.Add(details);
            }
        }

        return new ContactExport(
            clock.GetUtcNow(),
            contact.BusinessId,
            new ContactExportProfile(
                contact.Id, contact.Name, contact.PhoneE164, contact.WaId, contact.Channel, contact.PreferredLanguage, contact.OrderCount,
                contact.LoyaltyPoints, DashboardTime.At(contact.CreatedAt), DashboardTime.At(contact.UpdatedAt), DashboardTime.At(contact.LastInboundAt),
                contact.AgentPaused),
            new ContactExportConsent(
                contact.DataConsent, DashboardTime.At(contact.DataConsentAt), contact.MarketingConsent, DashboardTime.At(contact.MarketingConsentAt),
                contact.MarketingOptOut, DashboardTime.At(contact.MarketingOptOutAt)),
            await memory.GetAsync(contact.Id, cancellationToken),
            await carts.GetAsync(contact.BusinessId, contact.Id, cancellationToken),
            orderViews,
            paymentDetails,
            escalations,
            await history.GetAsync(contact.BusinessId, contact.WaId, ContactExport.MessageLimit, cancellationToken));
    }
}
