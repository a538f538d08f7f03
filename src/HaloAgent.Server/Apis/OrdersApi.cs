using System.Security.Claims;
using HaloAgent.Agent.Activities.Payments;
using HaloAgent.Agent.Orders;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Dashboard;

namespace HaloAgent.Server.Apis;

/// <summary>
/// The owner's orders, in the dashboard's shape (<see cref="DashboardOrder"/>, as the live stream sends them): list (by status), one order with its payment, and moving it along (paid → preparing → ready for
/// pickup / out for delivery → completed, or cancelled). Each change tells the customer in their language; completing
/// adds to their loyalty points and order count; cancelling puts the stock back. Scoped to the user's business.
/// </summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");

        orders.MapGet("/", async (string? status, int? skip, int? take, ClaimsPrincipal user, OrderProjection projection, CancellationToken ct) =>
        {
            OrderStatus? wanted = null;
            if (!string.IsNullOrWhiteSpace(status))
            {
                if (!OrderStatusNames.TryParseEitherSpelling(status.Trim(), out var parsed))
                {
                    return BadStatus(status);
                }

                wanted = parsed;
            }

            return Results.Ok(await projection.ListAsync(user.BusinessId(), wanted, skip ?? 0, take ?? 50, ct));
        }).RequireAuthorization(AuthPolicies.ReadBusiness);

        orders.MapGet("/{id}", async (string id, ClaimsPrincipal user, OrderProjection projection, CancellationToken ct) =>
            await projection.OrderAsync(user.BusinessId(), id, ct) is { } order ? Results.Ok(order) : NotFound(id))
            .RequireAuthorization(AuthPolicies.ReadBusiness);

        orders.MapPost("/{id}/status", async (
            string id, OrderStatusBody? body, ClaimsPrincipal user, IPaymentService payments, IOrderService orderService, OrderProjection projection,
            CustomerNotifier notifier, OrderCompletedEvent completed, IAuditLog audit, CancellationToken ct) =>
        {
            if (!OrderStatusNames.TryParseEitherSpelling(body?.Status?.Trim(), out var to) || to == OrderStatus.PendingPayment)
            {
                return BadStatus(body?.Status);
            }

            var businessId = user.BusinessId();
            var current = await payments.GetOrderAsync(businessId, id, ct);
            if (current is null)
            {
                return NotFound(id);
            }

            if (to == OrderStatus.Paid && current.Payment is { } payment)
            {
                // "Paid" is a payment approval: the payment record and the order change together.
                var approved = await payments.ConfirmAsync(businessId, payment.Id, new Confirmation(user.Actor(), body!.Note), ct);
                if (approved.Outcome == PaymentActionOutcome.Changed)
                {
                    await audit.RecordAsync(user, AuditActions.OrderStatus, "order", id, OrderState(current), OrderState(to, current, body.Note), ct);
                    await notifier.NotifyAsync(id, OrderStatusTemplates.For(to), $"order-status:{id}:{OrderStatusNames.ToName(to)}", ct);
                }

                return approved.Succeeded ? Results.Ok(await projection.OrderAsync(businessId, id, ct)) : PaymentsApi.ToResult(payment.Id, approved);
            }

            var changed = await orderService.ChangeStatusAsync(id, to, user.Actor(), body!.Note, ct);
            switch (changed.Outcome)
            {
                case StatusChangeOutcome.UnknownOrder:
                    return NotFound(id);
                case StatusChangeOutcome.NotAllowed:
                    return NotAllowed(current.Order.Number, changed.Order!, to);
                case StatusChangeOutcome.Changed:
                    await audit.RecordAsync(user, AuditActions.OrderStatus, "order", id, OrderState(current), OrderState(to, current, body.Note), ct);
                    await SettlePaymentAsync(businessId, current, to, user.Actor(), payments, ct);
                    await notifier.NotifyAsync(id, OrderStatusTemplates.For(to), $"order-status:{id}:{OrderStatusNames.ToName(to)}", ct);
                    if (to == OrderStatus.Completed)
                    {
                        await completed.RaiseAsync(id, ct); // post-purchase journeys start on it
                    }

                    break;
            }

            return Results.Ok(await projection.OrderAsync(businessId, id, ct));
        }).RequireAuthorization(AuthPolicies.ManageOrders);

        return app;
    }

    /// <summary>A cancelled order closes its unpaid payment; a completed pay-on-delivery order was paid on handover.</summary>
    private static async Task SettlePaymentAsync(string businessId, OrderWithPayment order, OrderStatus to, string actor, IPaymentService payments, CancellationToken ct)
    {
        if (to == OrderStatus.Cancelled)
        {
            await payments.CancelForOrderAsync(order.Order.Id, ct);
        }
        else if (to == OrderStatus.Completed && order.Payment is { Method: PaymentMethod.PayOnDelivery, Status: not PaymentStatus.Paid } payment)
        {
            await payments.ConfirmAsync(businessId, payment.Id, new Confirmation(actor, "paid on delivery"), ct);
        }
    }

    private static object OrderState(OrderWithPayment order) => new { order.Order.Number, status = OrderStatusNames.ToName(order.Order.Status) };

    private static object OrderState(OrderStatus to, OrderWithPayment order, string? note) => new { order.Order.Number, status = OrderStatusNames.ToName(to), note };

    private static IResult BadStatus(string? status) => Results.Json(
        new ApiProblem(400, "The request is malformed.",
            $"'{status}' is not a status to move an order to (paid, preparing, ready_for_pickup, out_for_delivery, completed, cancelled).", null),
        statusCode: 400);

    private static IResult NotAllowed(string number, OrderView now, OrderStatus to)
    {
        var next = OrderTransitions.Next(now.Status, now.Fulfilment).Select(OrderStatusNames.ToName).ToList();
        var options = next.Count == 0 ? "it is finished" : $"it can go to {string.Join(" or ", next)}";
        return Results.Json(new ApiProblem(409, "The request conflicts with the current state.",
            $"Order {number} cannot go from {OrderStatusNames.ToName(now.Status)} to {OrderStatusNames.ToName(to)}: {options}.", null), statusCode: 409);
    }

    private static IResult NotFound(string id) => Results.Json(new ApiProblem(404, "Not found.", $"There is no order '{id}'.", null), statusCode: 404);
}

public sealed record OrderStatusBody(string? Status, string? Note);
