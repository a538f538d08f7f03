using System.Security.Claims;
using HaloAgent.Agent.Activities.Payments;
using HaloAgent.Commerce.Payments;
using HaloAgent.Content;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Dashboard;

namespace HaloAgent.Server.Apis;

/// <summary>
/// The owner's payment desk: the review queue (most convincing first), a payment with its receipts and the receipt
/// image, approve and reject (the customer is told in their language), and the business's payment settings. Every
/// query is scoped to the signed-in user's business.
/// </summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/payments").WithTags("Payments").RequireAuthorization(AuthPolicies.ManagePayments);

        // The Studio's PaymentReview shape, with what the owner decides on: the receipt, its score, verdict and reasons,
        // and the full payment and receipt records beside them.
        payments.MapGet("/review", async (int? take, ClaimsPrincipal user, IPaymentService service, OrderProjection projection, CancellationToken ct) =>
        {
            var businessId = user.BusinessId();
            var items = new List<PaymentReviewItem>();
            foreach (var details in await service.ReviewQueueAsync(businessId, take ?? 50, ct))
            {
                if (await projection.PaymentReviewAsync(businessId, details.Payment.Id, ct) is not { } item)
                {
                    continue;
                }

                var receipt = details.Receipts.OrderByDescending(r => r.CreatedAt).FirstOrDefault();
                items.Add(item with
                {
                    ReceiptUrl = receipt?.HasImage == true ? $"/api/payments/{Uri.EscapeDataString(details.Payment.Id)}/receipt" : null,
                    Score = details.Payment.Score ?? receipt?.Score,
                    Verdict = details.Payment.Verdict ?? receipt?.Verdict,
                    Reasons = receipt?.Reasons.OrderByDescending(r => r.RedFlag).Select(r => r.Message).ToList()
                        ?? (details.Payment.ReviewReason is { } reason ? [reason] : []),
                    Payment = details.Payment,
                    Receipts = details.Receipts,
                });
            }

            return items;
        });

        payments.MapGet("/settings", (ClaimsPrincipal user, IPaymentService service, CancellationToken ct) => service.GetSettingsAsync(user.BusinessId(), ct));

        // Auto-confirmation decides what counts as paid without a person: the owner's call alone.
        payments.MapPut("/settings", async (PaymentSettingsBody body, ClaimsPrincipal user, IPaymentService service, IAuditLog audit, CancellationToken ct) =>
        {
            if (body.AutoConfirmMinScore is < 0 or > 1 || body.AutoConfirmMaxKobo < 0)
            {
                return Problem(400, "The request is malformed.", "autoConfirmMinScore is between 0 and 1; autoConfirmMaxKobo is not negative.");
            }

            if (!body.BankTransfer && !body.PayOnDelivery && !body.Paystack)
            {
                return Problem(400, "The request is malformed.", "Offer at least one payment method.");
            }

            var before = await service.GetSettingsAsync(user.BusinessId(), ct);
            var saved = await service.SaveSettingsAsync(new PaymentSettings
            {
                BusinessId = user.BusinessId(),
                BankTransfer = body.BankTransfer,
                PayOnDelivery = body.PayOnDelivery,
                Paystack = body.Paystack,
                AutoConfirmReceipts = body.AutoConfirmReceipts,
                AutoConfirmMinScore = body.AutoConfirmMinScore,
                AutoConfirmMaxKobo = body.AutoConfirmMaxKobo,
            }, ct);
            await audit.RecordAsync(user, AuditActions.PaymentSettings, "settings", "payments", SettingsState(before), SettingsState(saved), ct);
            return Results.Ok(saved);
        }).RequireAuthorization(AuthPolicies.ManageMoney);

        payments.MapGet("/{id}", async (string id, ClaimsPrincipal user, IPaymentService service, CancellationToken ct) =>
            await service.GetDetailsAsync(user.BusinessId(), id, ct) is { } details ? Results.Ok(details) : NotFound(id));

        payments.MapGet("/{id}/receipt", async (string id, ClaimsPrincipal user, IPaymentService service, CancellationToken ct) =>
            await service.GetReceiptImageAsync(user.BusinessId(), id, ct) is { } receipt
                ? Results.File(receipt.Image, receipt.MimeType)
                : Problem(404, "Not found.", $"Payment '{id}' has no stored receipt image."));

        payments.MapPost("/{id}/approve", async (
            string id, ApprovePaymentBody? body, ClaimsPrincipal user, IPaymentService service, CustomerNotifier notifier, IAuditLog audit, CancellationToken ct) =>
        {
            var before = await service.GetDetailsAsync(user.BusinessId(), id, ct);
            var result = await service.ConfirmAsync(user.BusinessId(), id, new Confirmation(user.Actor(), body?.Note), ct);
            if (result.Outcome == PaymentActionOutcome.Changed)
            {
                await audit.RecordAsync(user, AuditActions.PaymentApprove, "payment", id, PaymentState(before?.Payment), PaymentState(result.Payment, body?.Note), ct);
                await notifier.NotifyAsync(result.Payment!.OrderId, MessageTemplateKeys.PaymentConfirmed, $"payment-approved:{id}", ct);
            }

            return ToResult(id, result);
        });

        payments.MapPost("/{id}/reject", async (
            string id, RejectPaymentBody? body, ClaimsPrincipal user, IPaymentService service, CustomerNotifier notifier, IAuditLog audit, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body?.Reason))
            {
                return Problem(400, "The request is malformed.", "Say why the payment is rejected ('reason'): the customer is told.");
            }

            var before = await service.GetDetailsAsync(user.BusinessId(), id, ct);
            var result = await service.RejectAsync(user.BusinessId(), id, user.Actor(), body.Reason, ct);
            if (result.Outcome == PaymentActionOutcome.Changed)
            {
                await audit.RecordAsync(user, AuditActions.PaymentReject, "payment", id, PaymentState(before?.Payment), PaymentState(result.Payment, body.Reason), ct);
                await notifier.NotifyAsync(result.Payment!.OrderId, MessageTemplateKeys.PaymentRejected, $"payment-rejected:{id}:{result.Payment.UpdatedAt}", ct);
            }

            return ToResult(id, result);
        });

        return app;
    }

    internal static IResult ToResult(string id, PaymentActionResult result) => result.Outcome switch
    {
        PaymentActionOutcome.UnknownPayment => NotFound(id),
        PaymentActionOutcome.NotAllowed => Problem(409, "The request conflicts with the current state.", result.Detail ?? "Not allowed now."),
        _ => Results.Ok(result.Payment),
    };

    private static object SettingsState(PaymentSettings s) =>
        new { s.BankTransfer, s.PayOnDelivery, s.Paystack, s.AutoConfirmReceipts, s.AutoConfirmMinScore, s.AutoConfirmMaxKobo };

    /// <summary>What the audit log keeps of a payment: enough to see what changed, without receipts or customer details.</summary>
    internal static object? PaymentState(PaymentView? payment, string? note = null) => payment is null
        ? null
        : new { payment.OrderNumber, payment.Reference, status = payment.Status.ToString(), payment.AmountKobo, method = payment.Method.ToString(), note };

    private static IResult NotFound(string id) => Problem(404, "Not found.", $"There is no payment '{id}'.");

    private static IResult Problem(int status, string title, string detail) => Results.Json(new ApiProblem(status, title, detail, null), statusCode: status);
}

public sealed record ApprovePaymentBody(string? Note);

public sealed record RejectPaymentBody(string? Reason);

public sealed record PaymentSettingsBody(
    bool BankTransfer = true,
    bool PayOnDelivery = false,
    bool Paystack = false,
    bool AutoConfirmReceipts = false,
    double AutoConfirmMinScore = 0.9,
    long AutoConfirmMaxKobo = 2_000_000);
