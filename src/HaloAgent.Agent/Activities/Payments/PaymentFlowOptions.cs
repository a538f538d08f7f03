namespace HaloAgent.Agent.Activities.Payments;

/// <summary>Bound from <c>HaloAgent:Payments</c>: the reminder timers and the e-mail Paystack requires for each payer.</summary>
public sealed class PaymentFlowOptions
{
    public const string Section = "HaloAgent:Payments";

    /// <summary>An unpaid order gets one reminder this long after it was placed.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromHours(3);

    /// <summary>An order still unpaid this long after it was placed is cancelled and its stock released.</summary>
    public TimeSpan CancelAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Paystack needs an e-mail per payer and WhatsApp customers have none: the payer becomes
    /// <c>{wa_id}@{CustomerEmailDomain}</c> (Paystack e-mails its receipt there, so use a domain you own).
    /// </summary>
    public string CustomerEmailDomain { get; set; } = "customers.haloagent.ng";
}
