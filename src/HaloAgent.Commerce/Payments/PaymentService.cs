using System.Text.Json;
using HaloAgent.Commerce.Contacts;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Persistence;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Naming;

namespace HaloAgent.Commerce.Payments;

internal sealed class PaymentService(IDbContextFactory<CommerceDbContext> factory, IOrderService orders, TimeProvider clock) : IPaymentService
{
    /// <summary>Receipt images above this are stored without their bytes (WhatsApp caps images at 5 MB anyway).</summary>
    public const int MaxStoredImageBytes = 5 * 1024 * 1024;

    private const int MaxReferenceAttempts = 8;

    /// <summary>Still owed: explicit comparisons rather than a list, so every provider translates it the same way.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Payment, bool>> IsOpen = p =>
        p.Status == PaymentStatus.AwaitingPayment || p.Status == PaymentStatus.AwaitingReview || p.Status == PaymentStatus.Rejected;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<PaymentView> OpenAsync(OrderView order, PaymentMethod method, Func<string> nextReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(nextReference);
        for (var attempt = 1; ; attempt++)
        {
            if (await GetForOrderAsync(order.Id, cancellationToken) is { } existing)
            {
                return existing;
            }

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var now = Now;
            db.Payments.Add(new Payment
            {
                Id = Ids.New(),
                BusinessId = order.BusinessId,
                OrderId = order.Id,
                ContactId = order.ContactId,
                Reference = nextReference(),
                Method = method,
                Status = PaymentStatus.AwaitingPayment,
                AmountKobo = order.TotalKobo,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < MaxReferenceAttempts)
            {
                // Either the reference is taken (try another) or the same step opened it at the same moment (found above).
                continue;
            }

            return (await GetForOrderAsync(order.Id, cancellationToken))!;
        }
    }

    public async Task<PaymentView?> GetAsync(string paymentId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Views(db, db.Payments.Where(p => p.Id == paymentId)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<PaymentView?> GetForOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Views(db, db.Payments.Where(p => p.OrderId == orderId)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<PaymentView?> FindByReferenceAsync(string reference, CancellationToken cancellationToken)
    {
        var normalized = reference.Trim().ToUpperInvariant();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await Views(db, db.Payments.Where(p => p.Reference == normalized)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PaymentView>> ListOpenForContactAsync(string businessId, string contactId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var payments = await Views(db, db.Payments.Where(p => p.BusinessId == businessId && p.ContactId == contactId).Where(IsOpen))
            .ToListAsync(cancellationToken);
        return payments.Where(p => p.IsOpen).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<string>> OtherReferencesAsync(string businessId, string contactId, string paymentId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Payments.Where(p => p.BusinessId == businessId && p.ContactId == contactId && p.Id != paymentId)
            .Select(p => p.Reference).ToListAsync(cancellationToken);
    }

    public async Task<bool> IsImageUsedElsewhereAsync(string businessId, string imageSha256, string paymentId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // A receipt a designer sent in a test run says nothing about a customer's: only customers' receipts count.
        var customers = db.Payments.ExceptSandbox(db).Select(p => p.Id);
        return await db.ReceiptSubmissions.AnyAsync(
            r => r.BusinessId == businessId && r.ImageSha256 == imageSha256 && r.PaymentId != paymentId && customers.Contains(r.PaymentId), cancellationToken);
    }

    public async Task<PaymentView> RecordReceiptAsync(ReceiptRecord receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == receipt.PaymentId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no payment '{receipt.PaymentId}'.");
        var now = Now;
        if (!await db.ReceiptSubmissions.AnyAsync(r => r.PaymentId == payment.Id && r.MessageId == receipt.MessageId, cancellationToken))
        {
            db.ReceiptSubmissions.Add(new ReceiptSubmission
            {
                Id = Ids.New(),
                PaymentId = payment.Id,
                BusinessId = payment.BusinessId,
                OrderId = payment.OrderId,
                MessageId = receipt.MessageId,
                ImageSha256 = receipt.ImageSha256,
                MimeType = receipt.MimeType,
                SizeBytes = receipt.SizeBytes,
                Image = receipt.Image is { Length: > 0 and <= MaxStoredImageBytes } ? receipt.Image : null,
                RawText = receipt.RawText,
                FieldsJson = receipt.FieldsJson,
                OcrConfidence = receipt.OcrConfidence,
                Confidence = receipt.Confidence,
                Score = receipt.Score,
                Verdict = receipt.Verdict,
                ReasonsJson = Json.Write(receipt.Reasons),
                Error = receipt.Error,
                AutoConfirmed = receipt.AutoConfirmed,
                CreatedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // The same message recorded at the same moment by a re-run step: the first one counts.
                return (await GetAsync(payment.Id, cancellationToken))!;
            }

            var summary = receipt.Summary ?? Summarize(receipt);
            await db.Payments.Where(p => p.Id == payment.Id).Where(IsOpen)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Status, PaymentStatus.AwaitingReview)
                    .SetProperty(p => p.Score, receipt.Score)
                    .SetProperty(p => p.Verdict, receipt.Verdict)
                    .SetProperty(p => p.ReviewReason, summary)
                    .SetProperty(p => p.RejectionReason, (string?)null)
                    .SetProperty(p => p.ClaimedAt, now)
                    .SetProperty(p => p.Version, p => p.Version + 1)
                    .SetProperty(p => p.UpdatedAt, now), cancellationToken);
        }

        return (await GetAsync(payment.Id, cancellationToken))!;
    }

    public async Task<PaymentView> RecordClaimAsync(string paymentId, string reason, CancellationToken cancellationToken)
    {
        var now = Now;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // A claim never lowers the score of a receipt already in the queue.
            await db.Payments.Where(p => p.Id == paymentId && (p.Status == PaymentStatus.AwaitingPayment || p.Status == PaymentStatus.Rejected))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Status, PaymentStatus.AwaitingReview)
                    .SetProperty(p => p.Verdict, "claimed")
                    .SetProperty(p => p.ReviewReason, reason)
                    .SetProperty(p => p.ClaimedAt, now)
                    .SetProperty(p => p.Version, p => p.Version + 1)
                    .SetProperty(p => p.UpdatedAt, now), cancellationToken);
        }

        return await GetAsync(paymentId, cancellationToken) ?? throw new InvalidOperationException($"There is no payment '{paymentId}'.");
    }

    public async Task<PaymentView?> FlagAsync(string paymentId, string verdict, string reason, CancellationToken cancellationToken)
    {
        var now = Now;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await db.Payments.Where(p => p.Id == paymentId).Where(IsOpen)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.Status, PaymentStatus.AwaitingReview)
                    .SetProperty(p => p.Verdict, verdict)
                    .SetProperty(p => p.ReviewReason, reason)
                    .SetProperty(p => p.ClaimedAt, p => p.ClaimedAt ?? now)
                    .SetProperty(p => p.Version, p => p.Version + 1)
                    .SetProperty(p => p.UpdatedAt, now), cancellationToken);
        }

        return await GetAsync(paymentId, cancellationToken);
    }

    public async Task<PaymentActionResult> ConfirmAsync(string businessId, string paymentId, Confirmation confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var payment = await GetAsync(paymentId, cancellationToken);
        if (payment is null || payment.BusinessId != businessId)
        {
            return new PaymentActionResult(PaymentActionOutcome.UnknownPayment, null, $"There is no payment '{paymentId}'.");
        }

        if (payment.Status == PaymentStatus.Paid)
        {
            return new PaymentActionResult(PaymentActionOutcome.Unchanged, payment);
        }

        if (payment.Status == PaymentStatus.Cancelled || payment.OrderStatus == OrderStatus.Cancelled)
        {
            return new PaymentActionResult(PaymentActionOutcome.NotAllowed, payment, $"Order {payment.OrderNumber} is cancelled.");
        }

        // The order first: if it cannot become paid (cancelled meanwhile), the payment is not marked either.
        if (payment.OrderStatus == OrderStatus.PendingPayment)
        {
            var changed = await orders.ChangeStatusAsync(payment.OrderId, OrderStatus.Paid, confirmation.Actor, confirmation.Note ?? $"payment {payment.Reference}", cancellationToken);
            if (changed.Outcome is StatusChangeOutcome.NotAllowed or StatusChangeOutcome.UnknownOrder)
            {
                return new PaymentActionResult(PaymentActionOutcome.NotAllowed, await GetAsync(paymentId, cancellationToken),
                    $"Order {payment.OrderNumber} cannot be marked paid now ({OrderStatusNames.ToName(changed.Order?.Status ?? payment.OrderStatus)}).");
            }
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var entity = await db.Payments.FirstAsync(p => p.Id == paymentId, cancellationToken);
            if (entity.Status == PaymentStatus.Paid)
            {
                return new PaymentActionResult(PaymentActionOutcome.Unchanged, await GetAsync(paymentId, cancellationToken));
            }

            var now = Now;
            entity.Status = PaymentStatus.Paid;
            entity.Method = confirmation.Method ?? entity.Method;
            entity.ProviderReference = confirmation.ProviderReference ?? entity.ProviderReference;
            entity.ConfirmedBy = confirmation.Actor;
            entity.ReviewReason = null;
            entity.RejectionReason = null;
            entity.PaidAt = now;
            entity.Version++;
            entity.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new PaymentActionResult(PaymentActionOutcome.Changed, await GetAsync(paymentId, cancellationToken));
    }

    public async Task<PaymentActionResult> RejectAsync(string businessId, string paymentId, string actor, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var payment = await GetAsync(paymentId, cancellationToken);
        if (payment is null || payment.BusinessId != businessId)
        {
            return new PaymentActionResult(PaymentActionOutcome.UnknownPayment, null, $"There is no payment '{paymentId}'.");
        }

        if (payment.Status is PaymentStatus.Paid or PaymentStatus.Cancelled)
        {
            return new PaymentActionResult(PaymentActionOutcome.NotAllowed, payment, $"The payment is already {SnakeCase.Of(payment.Status)}.");
        }

        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Payments.Where(p => p.Id == paymentId).Where(IsOpen)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, PaymentStatus.Rejected)
                .SetProperty(p => p.RejectionReason, reason.Trim())
                .SetProperty(p => p.ConfirmedBy, actor)
                .SetProperty(p => p.Version, p => p.Version + 1)
                .SetProperty(p => p.UpdatedAt, now), cancellationToken);
        return new PaymentActionResult(updated == 0 ? PaymentActionOutcome.NotAllowed : PaymentActionOutcome.Changed, await GetAsync(paymentId, cancellationToken),
            updated == 0 ? "The payment changed meanwhile." : null);
    }

    public async Task CancelForOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Payments.Where(p => p.OrderId == orderId).Where(IsOpen)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, PaymentStatus.Cancelled)
                .SetProperty(p => p.Version, p => p.Version + 1)
                .SetProperty(p => p.UpdatedAt, now), cancellationToken);
    }

    public async Task SetPaystackUrlAsync(string paymentId, string url, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Payments.Where(p => p.Id == paymentId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PaystackUrl, url).SetProperty(p => p.UpdatedAt, now), cancellationToken);
    }

    public async Task<IReadOnlyList<PaymentDetails>> ReviewQueueAsync(string businessId, int take, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var payments = await Views(db, db.Payments.Where(p => p.BusinessId == businessId && p.Status == PaymentStatus.AwaitingReview).ExceptSandbox(db))
            .ToListAsync(cancellationToken);
        var ordered = payments
            .OrderByDescending(p => p.Score ?? -1)
            .ThenBy(p => p.ClaimedAt ?? p.CreatedAt)
            .Take(Math.Clamp(take, 1, 200))
            .ToList();
        var list = new List<PaymentDetails>(ordered.Count);
        foreach (var payment in ordered)
        {
            list.Add(new PaymentDetails(payment, await ReceiptsAsync(db, payment.Id, cancellationToken)));
        }

        return list;
    }

    public async Task<PaymentDetails?> GetDetailsAsync(string businessId, string paymentId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var payment = await Views(db, db.Payments.Where(p => p.Id == paymentId && p.BusinessId == businessId).ExceptSandbox(db)).FirstOrDefaultAsync(cancellationToken);
        return payment is null ? null : new PaymentDetails(payment, await ReceiptsAsync(db, payment.Id, cancellationToken));
    }

    public async Task<(byte[] Image, string MimeType)?> GetReceiptImageAsync(string businessId, string paymentId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var payment = db.Payments.Where(p => p.Id == paymentId && p.BusinessId == businessId).ExceptSandbox(db);
        var receipt = await db.ReceiptSubmissions.AsNoTracking()
            .Where(r => r.PaymentId == paymentId && r.BusinessId == businessId && r.Image != null && payment.Any())
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Image, r.MimeType })
            .FirstOrDefaultAsync(cancellationToken);
        return receipt?.Image is { } image ? (image, receipt.MimeType ?? "application/octet-stream") : null;
    }

    public async Task<IReadOnlyList<OrderWithPayment>> ListOrdersAsync(string businessId, OrderStatus? status, int skip, int take, CancellationToken cancellationToken)
    {
        List<string> ids;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var query = db.Orders.Where(o => o.BusinessId == businessId).ExceptSandbox(db);
            if (status is { } wanted)
            {
                query = query.Where(o => o.Status == wanted);
            }

            ids = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
                .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 100)).Select(o => o.Id).ToListAsync(cancellationToken);
        }

        var list = new List<OrderWithPayment>(ids.Count);
        foreach (var id in ids)
        {
            if (await GetOrderAsync(businessId, id, cancellationToken) is { } order)
            {
                list.Add(order);
            }
        }

        return list;
    }

    public async Task<OrderWithPayment?> GetOrderAsync(string businessId, string orderId, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null || order.BusinessId != businessId)
        {
            return null;
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await SandboxContacts.IsSandboxAsync(db, order.ContactId, cancellationToken))
            {
                return null;
            }
        }

        return new OrderWithPayment(order, await GetForOrderAsync(orderId, cancellationToken));
    }

    public async Task<PaymentSettings> GetSettingsAsync(string businessId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.BusinessId == businessId, cancellationToken)
            ?? PaymentSettings.Defaults(businessId);
    }

    public async Task<PaymentSettings> SaveSettingsAsync(PaymentSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        settings.UpdatedAt = Now;
        var exists = await db.PaymentSettings.AnyAsync(s => s.BusinessId == settings.BusinessId, cancellationToken);
        if (exists)
        {
            db.PaymentSettings.Update(settings);
        }
        else
        {
            db.PaymentSettings.Add(settings);
        }

        await db.SaveChangesAsync(cancellationToken);
        return settings;
    }

    public async Task<bool> BeginWebhookAsync(string dedupeKey, string eventName, string? reference, string body, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.PaystackEvents.AsNoTracking().FirstOrDefaultAsync(e => e.DedupeKey == dedupeKey, cancellationToken);
        if (existing is not null)
        {
            // A failed attempt (Paystack unreachable for the verify call) is taken again on the redelivery.
            return existing.Outcome == PaystackOutcomes.Failed
                && await db.PaystackEvents.Where(e => e.DedupeKey == dedupeKey && e.Outcome == PaystackOutcomes.Failed)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Outcome, PaystackOutcomes.Received), cancellationToken) == 1;
        }

        db.PaystackEvents.Add(new PaystackEventRecord
        {
            DedupeKey = dedupeKey,
            Event = eventName,
            Reference = reference,
            Body = body,
            Outcome = PaystackOutcomes.Received,
            ReceivedAt = Now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task CompleteWebhookAsync(string dedupeKey, string outcome, string? detail, string? paymentId, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.PaystackEvents.Where(e => e.DedupeKey == dedupeKey)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Outcome, outcome)
                .SetProperty(e => e.Detail, detail)
                .SetProperty(e => e.PaymentId, paymentId)
                .SetProperty(e => e.ProcessedAt, now), cancellationToken);
    }

    public async Task<int> PruneWebhookBodiesAsync(long receivedBefore, int batch, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var keys = await db.PaystackEvents.AsNoTracking()
            .Where(e => e.ProcessedAt != null && e.ReceivedAt < receivedBefore && e.Body != "")
            .OrderBy(e => e.ReceivedAt).Select(e => e.DedupeKey).Take(batch).ToListAsync(cancellationToken);
        return keys.Count == 0
            ? 0
            : await db.PaystackEvents.Where(e => keys.Contains(e.DedupeKey) && e.Body != "").ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, ""), cancellationToken);
    }

    public async Task<PaystackEventRecord?> GetWebhookAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.PaystackEvents.AsNoTracking().FirstOrDefaultAsync(e => e.DedupeKey == dedupeKey, cancellationToken);
    }

    private static string Summarize(ReceiptRecord receipt)
    {
        if (receipt.Error is { Length: > 0 } error)
        {
            return error;
        }

        var flags = receipt.Reasons.Where(r => r.RedFlag).Select(r => r.Message).ToList();
        if (flags.Count > 0)
        {
            return string.Join(" ", flags);
        }

        return receipt.Reasons.FirstOrDefault()?.Message ?? receipt.Verdict;
    }

    private static IQueryable<PaymentView> Views(CommerceDbContext db, IQueryable<Payment> payments) =>
        from p in payments.AsNoTracking()
        join o in db.Orders.AsNoTracking() on p.OrderId equals o.Id
        select new PaymentView(
            p.Id, p.BusinessId, p.OrderId, o.Number, o.Status, p.ContactId, p.Reference, p.Method, p.Status, p.AmountKobo, p.Score, p.Verdict,
            p.ReviewReason, p.PaystackUrl, p.ProviderReference, p.ConfirmedBy, p.RejectionReason, p.ClaimedAt, p.PaidAt, p.CreatedAt, p.UpdatedAt);

    private static async Task<IReadOnlyList<ReceiptView>> ReceiptsAsync(CommerceDbContext db, string paymentId, CancellationToken cancellationToken)
    {
        var rows = await db.ReceiptSubmissions.AsNoTracking().Where(r => r.PaymentId == paymentId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id, r.MessageId, r.ImageSha256, r.MimeType, r.SizeBytes, HasImage = r.Image != null, r.RawText, r.FieldsJson, r.OcrConfidence,
                r.Confidence, r.Score, r.Verdict, r.ReasonsJson, r.Error, r.AutoConfirmed, r.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReceiptView(
            r.Id, r.MessageId, r.ImageSha256, r.MimeType, r.SizeBytes, r.HasImage, r.RawText,
            string.IsNullOrWhiteSpace(r.FieldsJson) ? null : JsonDocument.Parse(r.FieldsJson).RootElement.Clone(),
            r.OcrConfidence, r.Confidence, r.Score, r.Verdict, Json.Read(r.ReasonsJson, new List<ReceiptReasonEntry>()), r.Error, r.AutoConfirmed, r.CreatedAt)).ToList();
    }
}
