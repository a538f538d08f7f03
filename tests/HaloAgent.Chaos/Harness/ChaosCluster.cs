using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Testing;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Chaos;

/// <summary>
/// N server nodes on one PostgreSQL database, a fake Meta Graph API that every reply goes to, and the demo business's
/// owner signed in on each node. Leases are short (<see cref="ChaosSettings.Lease"/>) so that work a killed node held is
/// taken over within seconds: recovery after a crash is bounded by them.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    public const string OwnerEmail = "owner@chaos.test";
    public const string OwnerPassword = "chaos-owner-password-1";

    private readonly List<ServerNode> _nodes = [];
    private readonly Dictionary<ServerNode, HttpClient> _owners = [];

    private ChaosCluster(string connectionString, FakeGraphServer graph, string appSecret, Dictionary<string, string> environment)
    {
        ConnectionString = connectionString;
        Graph = graph;
        AppSecret = appSecret;
        Environment = environment;
        Database = new ChaosDatabase(connectionString);
    }

    public string ConnectionString { get; }

    public ChaosDatabase Database { get; }

    public FakeGraphServer Graph { get; }

    public string AppSecret { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public IReadOnlyList<ServerNode> Nodes => _nodes;

    public static async Task<ChaosCluster> StartAsync(string connectionString, ChaosSettings settings, CancellationToken cancellationToken)
    {
        var graph = await FakeGraphServer.StartAsync();
        var secret = "chaos-app-secret-" + Guid.NewGuid().ToString("N")[..8];
        var lease = settings.Lease.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["HaloAgent__Database__Provider"] = "Postgres",
            ["ConnectionStrings__HaloAgent"] = connectionString,
            ["HaloAgent__Engine__PollInterval"] = "00:00:00.100",
            ["HaloAgent__Engine__LeaseDuration"] = lease,
            ["HaloAgent__Channels__Inbox__Lease"] = lease,
            ["HaloAgent__Channels__Outbox__Lease"] = lease,
            ["HaloAgent__Channels__PollInterval"] = "00:00:00.100",
            ["Demo__OwnerEmail"] = OwnerEmail,
            ["Demo__OwnerPassword"] = OwnerPassword,
            ["WhatsApp__AppSecret"] = secret,
            ["WhatsApp__VerifyToken"] = "chaos",
            ["WhatsApp__GraphBaseUrl"] = graph.BaseUrl,
            ["WhatsApp__PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp__AccessToken"] = graph.AccessToken,
            ["WhatsApp__PairSpacing"] = "00:00:00",
            ["WhatsApp__MessagesPerSecond"] = settings.MessagesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            ["HALO_SKIP_STUDIO_BUILD"] = "1",
        };
        foreach (var (key, value) in settings.Environment)
        {
            environment[key] = value;
        }

        var cluster = new ChaosCluster(connectionString, graph, secret, environment);
        try
        {
            // One after the other: the first applies the migrations and seeds, the others find them done.
            for (var i = 0; i < settings.Nodes; i++)
            {
                var node = await ServerNode.StartAsync($"node{i + 1}", environment, cancellationToken);
                cluster._nodes.Add(node);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>An HTTP client signed in as the demo owner on <paramref name="node"/> (signing in again after a restart).</summary>
    public async Task<HttpClient> OwnerAsync(ServerNode node, CancellationToken cancellationToken)
    {
        if (_owners.TryGetValue(node, out var existing))
        {
            using var me = await existing.GetAsync("/api/auth/me", cancellationToken);
            if (me.StatusCode == HttpStatusCode.OK)
            {
                return existing;
            }

            existing.Dispose();
            _owners.Remove(node);
        }

        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = node.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = OwnerEmail, password = OwnerPassword }, cancellationToken);
        if (login.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Owner sign-in on {node.Name} answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var csrf = login.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith("halo-csrf=", StringComparison.Ordinal)).Select(c => Uri.UnescapeDataString(c["halo-csrf=".Length..])).LastOrDefault()
            : null;
        client.DefaultRequestHeaders.Add("X-CSRF-Token", csrf ?? throw new InvalidOperationException("The login set no halo-csrf cookie."));
        _owners[node] = client;
        return client;
    }

    /// <summary>Imports and publishes a flow through the API (as the owner on the first node).</summary>
    public async Task ImportFlowAsync(string flowJson, CancellationToken cancellationToken)
    {
        var owner = await OwnerAsync(_nodes[0], cancellationToken);
        using var response = await owner.PostAsync("/api/flows/import?publish=true", new StringContent(flowJson, Encoding.UTF8, "application/json"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Flow import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Raises a domain event as the owner (<c>POST /api/events</c>) on <paramref name="node"/>; throws unless 2xx.</summary>
    public async Task RaiseEventAsync(ServerNode node, string name, string correlationKey, JsonObject? payload, CancellationToken cancellationToken)
    {
        var owner = await OwnerAsync(node, cancellationToken);
        var body = new JsonObject { ["name"] = name, ["correlationKey"] = correlationKey, ["payload"] = payload ?? new JsonObject() };
        using var response = await owner.PostAsync("/api/events", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/events on {node.Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Peak resident memory over the live nodes, in MiB.</summary>
    public double MaxWorkingSetMiB => _nodes.Count == 0 ? 0 : _nodes.Max(n => n.WorkingSetBytes) / 1048576.0;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _owners.Values)
        {
            client.Dispose();
        }

        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await Graph.DisposeAsync();
    }
}

/// <summary>How a <see cref="ChaosCluster"/> is set up.</summary>
public sealed record ChaosSettings
{
    public int Nodes { get; init; } = 1;

    /// <summary>Engine, inbox and outbox lease: how long a dead node's claims block others (production default: 2–5 min).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Per-number send rate (a low one keeps a broadcast queued in the outbox long enough to crash mid-way).</summary>
    public int MessagesPerSecond { get; init; } = 1000;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
