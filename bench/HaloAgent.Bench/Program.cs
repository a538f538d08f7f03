using HaloAgent.Bench;

// HaloAgent benchmarks. Usage (from the repository root):
//   dotnet run -c Release --project bench/HaloAgent.Bench -- executor  [--iterations N] [--single N]
//   dotnet run -c Release --project bench/HaloAgent.Bench -- persisted [--count N] [--seconds S] [--configs 2x100,2x200,4x100,4x200] [--e2e 4x100] [--starters 32]
//   dotnet run -c Release --project bench/HaloAgent.Bench -- timers    [--count N] [--runs 3] [--skip-server-build] [--max-fire-seconds S]
//   dotnet run -c Release --project bench/HaloAgent.Bench -- webhooks  [--rate 1000] [--seconds 60] [--senders 2000] [--peer node-red]
//   dotnet run -c Release --project bench/HaloAgent.Bench -- studio    [--runs 5]
//   dotnet run -c Release --project bench/HaloAgent.Bench -- marketing [--contacts 100000] [--runs 20] [--recipients 10000] [--only segments|broadcast] [--jit-off]
//   dotnet run -c Release --project bench/HaloAgent.Bench -- chaos     [--scenario all|conversation,broadcast,timers,postgres,graph,llm,multinode,fuzz] [sizes...]
// Every command prints result lines and writes bench/results/<command>-<timestamp>.md (summary + JSON).
var options = BenchArgs.Parse(args);
if (options.Command is null or "help" or "--help" or "-h")
{
    Console.WriteLine("""
        usage: HaloAgent.Bench <command> [options]
          executor   in-process FlowExecutor throughput, no I/O (10-activity flow)
                     --iterations N   parallel runs after warm-up (default 1,000,000)
                     --single N       single-thread runs (default 200,000)
          persisted  PostgreSQL: drain 50,000 runnable instances, then an end-to-end start+run test
                     --count N        instances per drain (default 50,000)
                     --configs LIST   worker-loops x batch-size pairs (default 2x100,2x200,4x100,4x200)
                     --e2e WxB        runner loops x batch size for the end-to-end test (default 4x100, the server default)
                     --starters N     concurrent starters in the end-to-end test (default 32)
                     --seconds S      end-to-end duration (default 15)
          timers     PostgreSQL: 1,000,000 pending Delay timers; seeding, server startup, firing
                     --count N        timers (default 1,000,000)
                     --runs N         server starts per database (default 3)
                     --skip-server-build  do not run `dotnet build src/HaloAgent.Server -c Release` first
                     --max-fire-seconds S  give up firing after S seconds (default 1800)
          webhooks   PostgreSQL + the real server: signed WhatsApp webhooks at R msg/s for D s (open loop), then drain
                     --rate R         messages per second (default 1000)
                     --seconds D      send window (default 60)
                     --senders N      distinct customers (default 2000)
                     --dispatchers N  sender tasks (default 4); --connections N  MaxConnectionsPerServer (default 64)
                     --drain-seconds S  give up draining after S seconds (default 600); --skip-server-build
                     --peer node-red  then the same webhooks against the Node-RED peer flow (bench/peers/node-red)
          studio     the designer with a 200-node flow in headless Chromium: time to first render, frame times
                     --runs N         page loads (default 5); --skip-server-build
          marketing  PostgreSQL + the real server: segment counts over N contacts, then a broadcast with pacing off to a loopback fake Graph API
                     --contacts N     contacts (and their orders) seeded in SQL for the segment counts (default 100,000)
                     --runs N         timed previews per filter (default 20); --warmup N  untimed ones first (default 3)
                     --recipients N   consenting WhatsApp customers the broadcast goes to (default 10,000)
                     --max-seconds S  give up waiting for the sends after S seconds (default 900)
                     --only segments|broadcast  one of the two; --jit-off  ALTER DATABASE ... SET jit = off; --skip-server-build
          chaos      faults and load on real server processes and PostgreSQL; counts lost / duplicated / double-fired, recovery
                     --scenario LIST  conversation, broadcast, timers, postgres, graph, llm, multinode, fuzz (default all)
                     --customers N --turns N     conversation, postgres, graph: closed-loop customers x messages (200 x 5)
                     --contacts N --rate R       broadcast: contacts, per-number sends/s (2000, 80)
                     --timers N --delay-seconds S  timers: instances coming due together (20,000 after 20 s)
                     --outage-seconds S          graph: every send refused with 500/429/130429 for S s (60)
                     --llm-customers N --llm-timeout-seconds S  llm: customers x 2 messages, HaloAgent:Llm:Timeout (50, 8)
                     --nodes N --conversations N --multinode-turns N [--kill-one]  multinode (3, 1,000, 2)
                     --cases N --seed N          fuzz (20,000, 20261206); --skip-server-build
        Environment: HALO_BENCH_POSTGRES=<base connection string> uses that server instead of a throwaway PostgreSQL 15 cluster.
        """);
    return options.Command is null ? 1 : 0;
}

try
{
    return options.Command switch
    {
        "executor" => await ExecutorBench.RunAsync(options),
        "persisted" => await PersistedBench.RunAsync(options),
        "timers" => await TimersBench.RunAsync(options),
        "webhooks" => await WebhooksBench.RunAsync(options),
        "studio" => await StudioBench.RunAsync(options),
        "marketing" => await MarketingBench.RunAsync(options),
        "chaos" => await ChaosBench.RunAsync(options),
        _ => Fail($"unknown command '{options.Command}' (executor, persisted, timers, webhooks, studio, marketing, chaos)"),
    };
}
catch (Exception ex)
{
    Console.Error.WriteLine($"benchmark failed: {ex}");
    return 2;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 1;
}
