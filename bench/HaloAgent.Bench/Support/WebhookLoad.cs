using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Bench;

/// <summary>
/// An open-loop, paced WhatsApp webhook load: message slot <c>i</c> is due at <c>start + i / rate</c> whatever the
/// server does (requests are fired without waiting for earlier answers, so a slow server builds a backlog instead of
/// slowing the sender). Every body is built and signed before the clock starts. A few dispatcher tasks share the
/// slots (slot i belongs to dispatcher i mod n); each records how late it fired a slot (scheduling lag) so an
/// overloaded client is visible, and each request records its ack latency (send → response headers) and status.
/// </summary>
public sealed class WebhookLoad
{
    /// <summary>Short customer messages in English, Pidgin, Yoruba, Hausa and Igbo.</summary>
    public static readonly string[] Texts =
    [
        "Hello", "Hi", "menu", "I want 2 jollof rice", "How much is fried rice?", "I want to order", "Thank you",
        "Abeg make I get jollof rice 2", "How far, wetin dey menu?", "I wan buy suya",
        "Ẹ káàárọ̀", "Mo fẹ́ ra jollof méjì", "Ẹ ṣé",
        "Sannu", "Ina son shinkafa jollof guda biyu", "Na gode",
        "Ndewo", "Achọrọ m jollof rice abụọ", "Daalụ",
    ];

    private readonly Slot[] _slots;
    private readonly double _rate;

    private WebhookLoad(Slot[] slots, double rate)
    {
        _slots = slots;
        _rate = rate;
    }

    public IReadOnlyList<Slot> Slots => _slots;

    /// <summary>
    /// <paramref name="count"/> slots from <paramref name="senders"/> customers (wa_id <paramref name="firstSender"/>+k).
    /// Every 100th slot (offset 50) is a redelivery: the same wamid and the same signed body as the slot 37 before it.
    /// </summary>
    public static WebhookLoad Build(int count, double rate, int senders, string appSecret, string phoneNumberId, int seed = 42, long firstSender = 2348000000000L)
    {
        var random = new Random(seed);
        var slots = new Slot[count];
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 50 && i >= 100)
            {
                var original = slots[i - 37];
                slots[i] = original with { Index = i, Redelivery = true };
                continue;
            }

            var from = (firstSender + random.Next(senders)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var hook = new WhatsAppWebhookBuilder(phoneNumberId).Text(from, Texts[random.Next(Texts.Length)], name: "Customer " + from[^4..]);
            var signed = hook.Sign(appSecret);
            slots[i] = new Slot(i, hook.LastMessageId, from, signed.Body, signed.Signature, Redelivery: false);
        }

        return new WebhookLoad(slots, rate);
    }

    /// <summary>Sends every slot on schedule; returns when every request has been answered (or failed).</summary>
    public async Task<LoadResult> RunAsync(Uri url, int dispatchers, int maxConnections)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(120) };

        // Open the connections first so the first second does not measure TCP connects.
        await Task.WhenAll(Enumerable.Range(0, maxConnections).Select(_ => Warm(http, url)));

        var n = _slots.Length;
        var latencyTicks = new long[n];
        var lagTicks = new long[n];
        var sentAtTicks = new long[n];
        var status = new int[n];
        var requests = new Task[n];
        var clock = Stopwatch.StartNew();
        var tickPerSlot = Stopwatch.Frequency / _rate;
        var epoch = Stopwatch.GetTimestamp();

        async Task Dispatch(int first)
        {
            for (var i = first; i < n; i += dispatchers)
            {
                var due = epoch + (long)(i * tickPerSlot);
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > Stopwatch.Frequency / 1000)
                {
                    await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
                }

                var now = Stopwatch.GetTimestamp();
                lagTicks[i] = Math.Max(0, now - due);
                sentAtTicks[i] = now - epoch;
                requests[i] = Send(http, url, _slots[i], i, latencyTicks, status);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, dispatchers).Select(d => Task.Run(() => Dispatch(d))));
        var sendWindow = clock.Elapsed;
        await Task.WhenAll(requests);
        var allAnswered = clock.Elapsed;
        return new LoadResult(_slots, latencyTicks, lagTicks, sentAtTicks, status, sendWindow, allAnswered);
    }

    private static async Task Warm(HttpClient http, Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, "/health"));
        using var response = await http.SendAsync(request);
    }

    private static async Task Send(HttpClient http, Uri url, Slot slot, int i, long[] latencyTicks, int[] status)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(slot.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", slot.Signature);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            latencyTicks[i] = Stopwatch.GetTimestamp() - start;
            status[i] = (int)response.StatusCode;
        }
        catch (Exception)
        {
            latencyTicks[i] = Stopwatch.GetTimestamp() - start;
            status[i] = -1;
        }
    }

    public sealed record Slot(int Index, string Wamid, string From, byte[] Body, string Signature, bool Redelivery);
}

/// <summary>What <see cref="WebhookLoad.RunAsync"/> observed, per slot (Stopwatch ticks).</summary>
public sealed record LoadResult(
    IReadOnlyList<WebhookLoad.Slot> Slots, long[] LatencyTicks, long[] LagTicks, long[] SentAtTicks, int[] Status, TimeSpan SendWindow, TimeSpan AllAnswered)
{
    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public Percentiles AckLatency() => new(LatencyTicks.Select(Ms));

    public Percentiles SchedulingLag() => new(LagTicks.Select(Ms));

    public int Acked200 => Status.Count(s => s == 200);

    public IEnumerable<(int Status, int Count)> StatusCounts() => Status.GroupBy(s => s).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()));

    /// <summary>Sends per second over the time the last request was fired.</summary>
    public double AchievedSendRate => Slots.Count / Math.Max(0.001, Ms(SentAtTicks.Max()) / 1000);
}
