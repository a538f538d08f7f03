using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Chaos;

/// <summary>
/// Closed-loop WhatsApp customers: each sends a signed webhook, waits for the agent's reply at the fake Graph API,
/// then sends the next message. A webhook that is not acked 200 (node dead, database down) is delivered again with
/// the same body and wamid, as Meta does, to the next node. A turn whose reply never comes within
/// <see cref="ReplyTimeout"/> is counted lost (and that customer stops).
/// </summary>
public sealed class ConversationLoad(ChaosCluster cluster, int customers, int turns, long firstWaId)
{
    /// <summary>Messages the built-in NLU answers with exactly one reply each (a greeting, a thank-you).</summary>
    public static readonly string[] Texts = ["Hello", "Thank you", "Hi", "Thank you"];

    private readonly Stopwatch _clock = new();
    private readonly ConcurrentBag<Turn> _turns = [];
    private int _deliveryAttempts;
    private int _refused;

    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long between customers starting (spreads the first messages); zero starts all at once.</summary>
    public TimeSpan Ramp { get; init; } = TimeSpan.Zero;

    /// <summary>Milliseconds since the load started (the time base of <see cref="Turn"/>).</summary>
    public double NowMs => _clock.Elapsed.TotalMilliseconds;

    public int Answered => _turns.Count(t => t.RepliedMs is not null);

    public int Sent => _turns.Count;

    public int TotalTurns => customers * turns;

    public IReadOnlyList<string> WaIds => Enumerable.Range(0, customers).Select(WaId).ToList();

    /// <summary>Turns sent and not yet answered right now.</summary>
    public IReadOnlyList<Turn> InFlight() => _turns.Where(t => t.RepliedMs is null).ToList();

    public async Task<ConversationResult> RunAsync(CancellationToken cancellationToken)
    {
        _clock.Start();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
        await Task.WhenAll(Enumerable.Range(0, customers).Select(i => CustomerAsync(http, i, cancellationToken)));
        var all = _turns.ToList();
        return new ConversationResult(
            TotalTurns,
            all.Count,
            all.Count(t => t.RepliedMs is not null),
            TotalTurns - all.Count(t => t.RepliedMs is not null),
            _deliveryAttempts,
            _refused,
            new Percentiles(all.Where(t => t.RepliedMs is not null).Select(t => t.RepliedMs!.Value - t.SentMs)),
            all);
    }

    private string WaId(int customer) => (firstWaId + customer).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task CustomerAsync(HttpClient http, int customer, CancellationToken cancellationToken)
    {
        if (Ramp > TimeSpan.Zero)
        {
            await Task.Delay(Ramp * customer, cancellationToken);
        }

        var waId = WaId(customer);
        var replied = cluster.Graph.SentTo(waId).Count;
        for (var t = 0; t < turns; t++)
        {
            var hook = new WhatsAppWebhookBuilder().Text(waId, Texts[(customer + t) % Texts.Length], name: "Chaos " + waId[^4..]);
            var signed = hook.Sign(cluster.AppSecret);
            var turn = new Turn(customer, waId, t, hook.LastMessageId, NowMs);
            _turns.Add(turn);
            await DeliverAsync(http, signed, customer + t, cancellationToken);
            turn.AckedMs = NowMs;
            try
            {
                await cluster.Graph.WaitForSentToAsync(waId, replied + 1, ReplyTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                return; // lost: this customer never got an answer
            }

            turn.RepliedMs = NowMs;
            replied++;
        }
    }

    /// <summary>Posts until a node answers 200 (Meta keeps redelivering an unacknowledged webhook).</summary>
    private async Task DeliverAsync(HttpClient http, SignedWebhook signed, int preferred, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        for (var attempt = 0; ; attempt++)
        {
            var nodes = cluster.Nodes;
            var node = nodes[(preferred + attempt) % nodes.Count];
            Interlocked.Increment(ref _deliveryAttempts);
            try
            {
                using var request = signed.ToRequest(new Uri(node.BaseAddress, "/webhooks/whatsapp").ToString());
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // connection refused or reset: the node is down
            }

            Interlocked.Increment(ref _refused);
            if (_clock.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException("No node acknowledged a webhook for 30 minutes.");
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(2000, delay.TotalMilliseconds * 2));
        }
    }

    public sealed class Turn(int customer, string waId, int index, string wamid, double sentMs)
    {
        public int Customer { get; } = customer;

        public string WaId { get; } = waId;

        public int Index { get; } = index;

        public string Wamid { get; } = wamid;

        public double SentMs { get; } = sentMs;

        public double? AckedMs { get; set; }

        public double? RepliedMs { get; set; }
    }
}

public sealed record ConversationResult(
    int Turns, int Sent, int Answered, int Lost, int DeliveryAttempts, int Redeliveries, Percentiles ReplyLatency, IReadOnlyList<ConversationLoad.Turn> All)
{
    public override string ToString() =>
        $"turns {Turns}: sent {Sent}, answered {Answered}, lost {Sent - Answered}; webhook posts {DeliveryAttempts} ({Redeliveries} not acked and delivered again); reply latency {ReplyLatency}";
}
