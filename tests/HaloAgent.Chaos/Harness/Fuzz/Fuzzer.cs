using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HaloAgent.Testing.FakeGraph;
using HaloAgent.Testing.FakePaystack;

namespace HaloAgent.Chaos.Fuzz;

/// <summary>
/// A seeded, structure-aware fuzzer against a real server process: valid requests of each kind are built, mutated
/// (<see cref="JsonMutator"/>, <see cref="FlowGenerator"/>, form and CSV mutations) and, for webhooks, signed after the
/// mutation so they get past the signature check. Counts answers by status; any 5xx, timeout or dead process is a
/// finding, kept with its target, case number and payload so it can be replayed with the same seed.
/// </summary>
public sealed class Fuzzer(ChaosCluster cluster, FakePaystackServer paystack, string twilioToken, int seed)
{
    private static readonly string[] Targets = ["meta", "twilio", "paystack", "flow-validate", "flow-import", "template-preview", "csv-import"];

    private readonly FuzzReport _report = new(seed);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private IReadOnlyList<string> _templateKeys = ["greeting"];

    /// <summary>Runs <paramref name="cases"/> cases spread over the targets (in a seeded order).</summary>
    public async Task<FuzzReport> RunAsync(int cases, CancellationToken cancellationToken)
    {
        var node = cluster.Nodes[0];
        var owner = await cluster.OwnerAsync(node, cancellationToken);
        var keys = await owner.GetFromJsonAsync<JsonArray>("/api/templates", cancellationToken);
        _templateKeys = keys!.Select(k => k!["key"]!.GetValue<string>()).ToList();
        _report.StartWorkingSetMiB = node.WorkingSetBytes / 1048576.0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < cases && node.IsAlive; i++)
        {
            var random = new Random(unchecked((seed * 1_000_003) + i)); // not HashCode.Combine: it is salted per process
            var target = Targets[i % Targets.Length];
            using var request = Build(target, random, node.BaseAddress, i);
            var payload = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var client = target is "meta" or "twilio" or "paystack" ? _http : owner;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                _report.Count(target, (int)response.StatusCode);
                if ((int)response.StatusCode >= 500)
                {
                    _report.Finding(target, i, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", payload);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _report.Count(target, -1);
                _report.Finding(target, i, node.IsAlive ? $"no answer: {e.Message}" : "the server process died", payload);
            }

            _report.Time(target, Stopwatch.GetElapsedTime(started));

            if (i % 100 == 0)
            {
                _report.PeakWorkingSetMiB = Math.Max(_report.PeakWorkingSetMiB, node.WorkingSetBytes / 1048576.0);
            }
        }

        _report.Seconds = clock.Elapsed.TotalSeconds;
        if (node.IsAlive)
        {
            // Webhooks are acknowledged before they are processed: what a mutated one breaks, it breaks after its 200.
            // So the process is judged once the inbox has worked through them (or gave up waiting).
            var backlog = await cluster.Database.DrainAsync(TimeSpan.FromMinutes(2), cancellationToken);
            var retried = (await cluster.Database.QueryAsync("SELECT count(*) FROM webhook_inbox WHERE attempts > 1", r => r.GetInt64(0), cancellationToken))[0];
            _report.AfterProcessing = $"after processing ({clock.Elapsed.TotalSeconds - _report.Seconds:0.0} s more): {backlog}; webhooks whose processing threw (retried) {retried}";
        }

        _report.Alive = node.IsAlive;
        _report.EndWorkingSetMiB = node.WorkingSetBytes / 1048576.0;
        _report.PeakWorkingSetMiB = Math.Max(_report.PeakWorkingSetMiB, _report.EndWorkingSetMiB);
        if (!node.IsAlive)
        {
            _report.Finding("process", cases, "the server process exited", node.OutputTail);
        }

        return _report;
    }

    private HttpRequestMessage Build(string target, Random random, Uri root, int index) => target switch
    {
        "meta" => Meta(random, root),
        "twilio" => Twilio(random, root),
        "paystack" => Paystack(random, root),
        "flow-validate" => Post(root, "/api/flows/validate", Flow(random, $"fuzz-v{index}"), "application/json"),
        "flow-import" => Post(root, "/api/flows/import", Flow(random, $"fuzz-i{index}"), "application/json"),
        "template-preview" => Post(root, "/api/templates/preview", Encoding.UTF8.GetBytes(TemplatePreview(random).ToJsonString(JsonMutator.Writer)), "application/json"),
        _ => Post(root, "/api/contacts/import", Csv(random), random.Next(4) == 0 ? "application/octet-stream" : "text/csv"),
    };

    private HttpRequestMessage Meta(Random random, Uri root)
    {
        var from = "234803" + random.Next(1_000_000, 9_999_999);
        var hook = new WhatsAppWebhookBuilder();
        switch (random.Next(9))
        {
            case 0: hook.Image(from, "123" + random.Next(), caption: "receipt"); break;
            case 1: hook.Audio(from, "456" + random.Next()); break;
            case 2: hook.ButtonReply(from, "pickup", "Pickup"); break;
            case 3: hook.ListReply(from, "jollof", "Jollof rice", "Smoky"); break;
            case 4: hook.Location(from, 6.5, 3.4, "Home", "1 Allen Avenue"); break;
            case 5: hook.Unsupported(from); break;
            case 6: hook.Text(from, "Hello").NextEntry().Text(from, "I want 2 jollof rice"); break;
            default: hook.Text(from, FlowGenerator.Template(random)); break;
        }

        var body = JsonMutator.Mutate(JsonNode.Parse(hook.Build())!, random);
        var signed = WhatsAppWebhookBuilder.Sign(cluster.AppSecret, body);
        return signed.ToRequest(new Uri(root, "/webhooks/whatsapp").ToString());
    }

    private HttpRequestMessage Twilio(Random random, Uri root)
    {
        var form = TwilioWebhookBuilder.Text("234803" + random.Next(1_000_000, 9_999_999), "+2348000000000", "Hello");
        var keys = form.Keys.ToList();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            switch (random.Next(4))
            {
                case 0: form.Remove(keys[random.Next(keys.Count)]); break;
                case 1: form["NumMedia"] = Pick(random, "1", "5", "-1", "99999999999", "x"); form["MediaUrl0"] = Pick(random, "http://127.0.0.1:1/x", "ftp://x", "", "not a url"); break;
                case 2: form["Extra" + random.Next(50)] = Nasty.String(random); break;
                default: form[keys[random.Next(keys.Count)]] = Nasty.String(random); break;
            }
        }

        var url = new Uri(root, "/webhooks/twilio").ToString();
        return TwilioWebhookBuilder.ToRequest(url, twilioToken, form);
    }

    private HttpRequestMessage Paystack(Random random, Uri root)
    {
        var basis = paystack.ChargeSuccess(random.Next(3) == 0 ? "HLO-" + random.Next(10000, 99999) : "HLO-7K2Q9", random.Next(1, 5_000_000));
        var body = JsonMutator.Mutate(JsonNode.Parse(basis.Body)!, random);
        return FakePaystackServer.Sign(body, paystack.SecretKey).ToRequest(new Uri(root, "/webhooks/paystack").ToString());
    }

    private static byte[] Flow(Random random, string id)
    {
        var flow = FlowGenerator.Flow(random, id);
        return random.Next(3) == 0 ? JsonMutator.Mutate(flow, random) : Encoding.UTF8.GetBytes(flow.ToJsonString(JsonMutator.Writer));
    }

    private JsonObject TemplatePreview(Random random) => new()
    {
        ["key"] = random.Next(6) == 0 ? Nasty.String(random) : _templateKeys[random.Next(_templateKeys.Count)],
        ["language"] = Pick(random, "en", "pcm", "yo", "ig", "ha", "", "xx", "../en", "en-NG"),
        ["data"] = random.Next(5) == 0 ? JsonMutator.RandomValue(random) : new JsonObject
        {
            ["contact"] = new JsonObject { ["name"] = Nasty.String(random) },
            ["business"] = new JsonObject { ["name"] = Nasty.String(random) },
            ["cart"] = JsonMutator.RandomValue(random),
            ["order"] = new JsonObject { ["totalKobo"] = JsonValue.Create(Nasty.Number(random)), ["items"] = JsonMutator.RandomValue(random) },
            ["amount"] = JsonMutator.RandomValue(random),
        },
    };

    private static byte[] Csv(Random random)
    {
        var csv = new StringBuilder();
        if (random.Next(4) > 0)
        {
            csv.Append(random.Next(5) == 0 ? "\ufeff" : "").Append(Pick(random, "name,phone,language,marketingOptIn", "phone", "a,b,c,d,e,f", "name;phone", "")).Append('\n');
        }

        for (var row = random.Next(0, 60); row > 0; row--)
        {
            var fields = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(3) switch
            {
                0 => Pick(random, "+2348030000001", "08030000001", "2348030000001", "0", "+1", "0803 000 0001", "Ada", "yo", "true", "no"),
                1 => "\"" + Nasty.String(random).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                _ => Nasty.Strings[random.Next(Nasty.Strings.Length)],
            });
            csv.Append(string.Join(random.Next(10) == 0 ? ";" : ",", fields)).Append(random.Next(5) == 0 ? "\r\n" : "\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        return random.Next(10) == 0 && bytes.Length > 0 ? JsonMutator.Damage(bytes, random) : bytes;
    }

    private static HttpRequestMessage Post(Uri root, string path, byte[] body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(root, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return request;
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
}

/// <summary>What a fuzz run saw: answers by target and status, findings (5xx, no answer, crash) and memory.</summary>
public sealed class FuzzReport(int seed)
{
    private readonly Dictionary<string, Dictionary<int, int>> _statuses = new(StringComparer.Ordinal);
    private readonly List<FuzzFinding> _findings = [];
    private readonly Dictionary<string, TimeSpan> _time = new(StringComparer.Ordinal);

    public int Seed { get; } = seed;

    public bool Alive { get; set; }

    public double Seconds { get; set; }

    public double StartWorkingSetMiB { get; set; }

    public double PeakWorkingSetMiB { get; set; }

    public double EndWorkingSetMiB { get; set; }

    /// <summary>The backlog once the inbox has processed the fuzzed webhooks (they are acknowledged before that).</summary>
    public string AfterProcessing { get; set; } = "not waited for (the process had died)";

    public IReadOnlyList<FuzzFinding> Findings => _findings;

    public int Cases => _statuses.Values.Sum(s => s.Values.Sum());

    public int ServerErrors => _statuses.Values.Sum(s => s.Where(kv => kv.Key >= 500 || kv.Key < 0).Sum(kv => kv.Value));

    public void Count(string target, int status)
    {
        if (!_statuses.TryGetValue(target, out var counts))
        {
            _statuses[target] = counts = [];
        }

        counts[status] = counts.GetValueOrDefault(status) + 1;
    }

    public void Time(string target, TimeSpan elapsed) => _time[target] = _time.GetValueOrDefault(target) + elapsed;

    public void Finding(string target, int index, string what, string payload) =>
        _findings.Add(new FuzzFinding(target, index, what.Length > 600 ? what[..600] : what, payload.Length > 2000 ? payload[..2000] + "…" : payload));

    public override string ToString()
    {
        var lines = new List<string>
        {
            $"fuzz seed {Seed}: {Cases} cases in {Seconds:0.0} s; server alive {Alive}; 5xx or no answer {ServerErrors}; " +
            $"working set {StartWorkingSetMiB:0} MiB at start, {PeakWorkingSetMiB:0} MiB peak, {EndWorkingSetMiB:0} MiB at the end",
            "  " + AfterProcessing,
        };
        lines.AddRange(_statuses.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
            $"  {kv.Key}: {kv.Value.Values.Sum()} cases, {_time.GetValueOrDefault(kv.Key).TotalMilliseconds / Math.Max(1, kv.Value.Values.Sum()):0} ms each on average; " + string.Join(", ", kv.Value.OrderBy(s => s.Key).Select(s => $"{(s.Key < 0 ? "no answer" : s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))} x{s.Value}"))));
        lines.AddRange(_findings.Take(20).Select(f => $"  FINDING {f.Target} case {f.Index}: {f.What}\n    payload: {f.Payload}"));
        return string.Join('\n', lines);
    }
}

public sealed record FuzzFinding(string Target, int Index, string What, string Payload);
