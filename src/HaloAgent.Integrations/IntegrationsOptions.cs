namespace HaloAgent.Integrations;

/// <summary>Connecting to other tools (<c>HaloAgent:Integrations</c>): HTTP requests from flows, outgoing webhooks, incoming triggers.</summary>
public sealed class IntegrationsOptions
{
    public const string Section = "HaloAgent:Integrations";

    /// <summary>
    /// Lets flows and webhooks call loopback, private-network and link-local addresses (and plain http webhooks). Off by
    /// default: a flow author must not reach the server's own admin ports, the cloud metadata endpoint or the office LAN.
    /// An administrator's switch (and the tests', which talk to a loopback fake).
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>
    /// Single private addresses allowed while <see cref="AllowPrivateTargets"/> is off, e.g. a self-hosted n8n on the
    /// LAN (<c>10.0.0.5</c>): the rest of the private space stays refused, redirects included.
    /// </summary>
    public List<string> AllowedPrivateAddresses { get; set; } = [];

    /// <summary>The longest an HTTP request step may wait for its answer (a node asking for more is cut to this).</summary>
    public TimeSpan MaxRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Response bodies past this are cut (the step's output and the delivery log keep the first part).</summary>
    public int MaxResponseBytes { get; set; } = 256 * 1024;

    /// <summary>Attempts per webhook delivery before it is marked failed (a re-send starts a new round).</summary>
    public int MaxDeliveryAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one webhook POST may take.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a node holds a delivery it is sending before another may take it over.</summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether this node sends webhook deliveries (off for a test that drives the passes).</summary>
    public bool RunWorker { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Incoming trigger bodies larger than this are refused with 413.</summary>
    public int MaxTriggerBodyBytes { get; set; } = 64 * 1024;
}
