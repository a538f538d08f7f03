using System.Globalization;
using System.Text.Json.Nodes;
using HaloAgent.Commerce.Orders;
using HaloAgent.Commerce.Payments;
using HaloAgent.Engine.Activities;
using Microsoft.Extensions.Options;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Is the order still unpaid (and nobody reviewing a claim for it)? Also gives the configured reminder and
/// cancellation delays (<c>HaloAgent:Payments:ReminderAfter</c>, <c>CancelAfter</c>) for the flow's timers.
/// </summary>
public sealed class CheckPaymentActivity(IOrderService orders, IPaymentService payments, IOptionsMonitor<PaymentFlowOptions> options) : Activity
{
    public static class Results
    {
        public const string Unpaid = "Unpaid";
        public const string Settled = "Settled";
    }

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "CheckPayment",
        DisplayName = "Check payment",
        Category = "Payments",
        Description = "Unpaid when the order waits for payment and no claim or receipt is under review; outputs the reminder delays.",
        Inputs = [new InputDescriptor("orderId", InputKind.Text) { DisplayName = "Order", Required = true, Default = JsonValue.Create("{{event.orderId}}") }],
        Outputs =
        [
            new OutputDescriptor("status", "string"), new OutputDescriptor("remindAfter", "string", "Delay before the reminder (d.hh:mm:ss)."),
            new OutputDescriptor("cancelAfterReminder", "string", "Delay from the reminder to the cancellation (d.hh:mm:ss)."),
        ],
        Outcomes = [Results.Unpaid, Results.Settled],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var orderId = context.Text("orderId") ?? "";
        var order = await orders.GetAsync(orderId, cancellationToken);
        var payment = await payments.GetForOrderAsync(orderId, cancellationToken);
        var current = options.CurrentValue;
        var remind = current.ReminderAfter > TimeSpan.Zero ? current.ReminderAfter : TimeSpan.FromHours(3);
        var cancelAfterReminder = current.CancelAfter > remind ? current.CancelAfter - remind : TimeSpan.FromMinutes(1);
        var output = new Dictionary<string, object?>
        {
            ["status"] = order is null ? null : OrderStatusNames.ToName(order.Status),
            ["remindAfter"] = remind.ToString("c", CultureInfo.InvariantCulture),
            ["cancelAfterReminder"] = cancelAfterReminder.ToString("c", CultureInfo.InvariantCulture),
        };
        return ActivityResult.Outcome(order is not null && UnpaidOrderCheck.NeedsChasing(order, payment) ? Results.Unpaid : Results.Settled, output);
    }
}
