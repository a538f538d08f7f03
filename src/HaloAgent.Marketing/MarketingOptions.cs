namespace HaloAgent.Marketing;

/// <summary>Marketing's rules (<c>HaloAgent:Marketing</c>). Defaults follow Meta's limits and the policy.</summary>
public sealed class MarketingOptions
{
    public const string Section = "HaloAgent:Marketing";

    /// <summary>Broadcast sends per second per business number (Meta allows 80 by default; replies need some of it).</summary>
    public double SendsPerSecond { get; set; } = 40;

    /// <summary>Quiet hours in West Africa Time: nothing is sent from <see cref="QuietHoursStart"/> to <see cref="QuietHoursEnd"/>, held not dropped.</summary>
    public TimeSpan QuietHoursStart { get; set; } = TimeSpan.FromHours(21);

    public TimeSpan QuietHoursEnd { get; set; } = TimeSpan.FromHours(8);

    /// <summary>At most this many marketing messages per contact in <see cref="FrequencyWindow"/>, across broadcasts.</summary>
    public int FrequencyCap { get; set; } = 2;

    public TimeSpan FrequencyWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Unique customers a business may reach in a moving 24 h (Meta's tier: 250, 2,000, 10,000, 100,000).</summary>
    public int MessagingLimit { get; set; } = 2000;

    /// <summary>A paid order within this long after the message counts as the broadcast's.</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A customer message within this long after the broadcast counts as a reply.</summary>
    public TimeSpan ReplyWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// What Meta charges per delivered template by category, in kobo. Defaults: Meta's Nigeria rate card (USD 0.0516
    /// marketing, 0.0067 utility and authentication) at ₦1,500 to the dollar; set your own.
    /// </summary>
    public Dictionary<string, long> PriceKobo { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MARKETING"] = 7_740,
        ["UTILITY"] = 1_005,
        ["AUTHENTICATION"] = 1_005,
    };

    /// <summary>Whether this node sends and tracks broadcasts (off for a node that only answers, or a test that drives the passes).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often a sending node looks for due broadcasts when nobody signals one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a node holds a broadcast it is sending before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
}
