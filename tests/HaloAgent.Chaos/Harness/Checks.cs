namespace HaloAgent.Chaos;

/// <summary>The end-of-scenario accounting every scenario shares.</summary>
public static class Checks
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Waits for the backlog to drain, then counts sends (duplicates, pending, failed) into the report.
    /// <paramref name="messages"/> is how many messages the scenario made the agent send, one per customer message (or
    /// broadcast event): that many outbox rows, no more. A row more is a message handled twice (two replies, each
    /// recorded, that the per-row duplicate count cannot see); a row less, one never answered.
    /// </summary>
    public static async Task<SendCounts> SendsAsync(ChaosCluster cluster, ScenarioReport report, int messages, CancellationToken cancellationToken)
    {
        var backlog = await cluster.Database.DrainAsync(Drain, cancellationToken);
        report.Line($"backlog after the run: {backlog}");
        report.Expect(backlog.Idle, $"the backlog drained within {Drain.TotalSeconds:0} s ({backlog})");
        if (!backlog.Idle)
        {
            // A failure must explain itself: which instances are stuck, who holds them, and what the nodes logged.
            foreach (var stuck in await cluster.Database.QueryAsync(
                $"""
                SELECT flow_id, status, coalesce(current_node_id, ''), coalesce(lease_owner, ''), coalesce(lease_until, 0), wake_at, row_version, coalesce(wait, '')
                FROM flow_instances WHERE wake_at IS NOT NULL AND wake_at <= {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} LIMIT 5
                """,
                r => $"{r.GetString(0)} {r.GetString(1)} at {r.GetString(2)}, lease {r.GetString(3)} until {r.GetInt64(4)}, wake {r.GetInt64(5)}, row version {r.GetInt64(6)}, wait {r.GetString(7)}",
                cancellationToken))
            {
                report.Line($"DUE instance: {stuck}");
            }

            foreach (var node in cluster.Nodes)
            {
                report.Line($"--- {node.Name} output (last lines) ---\n{node.OutputTail}");
            }
        }
        report.Expect(backlog.InstancesFaulted == 0, $"no faulted instances ({backlog.InstancesFaulted})");
        foreach (var incident in await cluster.Database.QueryAsync(
            "SELECT flow_id, coalesce(current_node_id, ''), coalesce(incident, '') FROM flow_instances WHERE status = 'Faulted' LIMIT 5",
            r => $"{r.GetString(0)} at {r.GetString(1)}: {r.GetString(2)}", cancellationToken))
        {
            report.Line($"FAULTED instance: {(incident.Length > 1500 ? incident[..1500] + "…" : incident)}");
        }

        report.Expect(backlog.InboxDead == 0, $"no webhook dead-lettered ({backlog.InboxDead})");
        var sends = await SendLedger.CountAsync(cluster, report.Kills, cancellationToken);
        report.Line($"sends: {sends}");
        report.Duplicated = sends.Duplicated;
        report.DuplicatedAtCrash = sends.AtCrash;
        report.Figure("outboxRows", sends.OutboxRows);
        report.Figure("graphAccepted", sends.Accepted);
        report.Figure("duplicated", sends.Duplicated);
        report.Figure("duplicatedAtCrash", sends.AtCrash);
        report.Expect(sends.Duplicated - sends.AtCrash == 0, $"no message sent twice other than those Meta accepted just before a kill ({sends.Duplicated - sends.AtCrash})");
        if (sends.AtCrash > 0)
        {
            report.Line($"KNOWN GAP: {sends.AtCrash} message(s) Meta accepted in the moment before the SIGKILL, before the node recorded the wamid, were sent again after the lease expired (at-least-once at the Graph boundary)");
        }
        report.Expect(sends.OutboxRows == messages, $"one outbox row per message sent: {messages} ({sends.OutboxRows}; more is a message handled twice)");
        report.Expect(sends.Pending == 0, $"no outbox row left pending ({sends.Pending})");
        report.Expect(sends.Failed == 0, $"no outbox row failed ({sends.Failed})");
        return sends;
    }

    /// <summary>Conversation results: every turn answered.</summary>
    public static void Conversations(ConversationResult result, ScenarioReport report)
    {
        report.Line($"conversations: {result}");
        report.Lost = result.Sent - result.Answered;
        report.Figure("turns", result.Turns);
        report.Figure("lost", result.Sent - result.Answered);
        report.Figure("replyP50Ms", result.ReplyLatency.At(50));
        report.Figure("replyP99Ms", result.ReplyLatency.At(99));
        report.Expect(result.Sent == result.Answered, $"every message got its reply ({result.Sent - result.Answered} lost)");
        report.Expect(result.Sent == result.Turns, $"every customer sent all their messages ({result.Turns - result.Sent} not sent: a customer stops after a lost reply)");
    }

    /// <summary>Timer instances of a flow: each fired exactly once; <paramref name="expected"/> of them.</summary>
    public static async Task TimersAsync(ChaosCluster cluster, ScenarioReport report, string flowId, int expected, CancellationToken cancellationToken)
    {
        var timers = await cluster.Database.TimerInstancesAsync(flowId, ChaosFlows.TimerNode, ChaosFlows.Counter, cancellationToken);
        var doubleFired = timers.Count(t => t.TimerResumes > 1 || t.Counter > 1);
        var notFired = timers.Count(t => t.TimerResumes == 0 || t.Counter == 0);
        var broken = timers.Count(t => !t.GaplessJournal);
        var notCompleted = timers.Count(t => t.Status != "Completed");
        report.Line($"timers ({flowId}): instances {timers.Count} of {expected}, fired twice {doubleFired}, not fired {notFired}, not completed {notCompleted}, journal with gaps or repeats {broken}");
        report.DoubleFired = doubleFired;
        report.Figure("timers", timers.Count);
        report.Figure("doubleFired", doubleFired);
        report.Expect(timers.Count == expected, $"{expected} timer instances ({timers.Count})");
        report.Expect(doubleFired == 0, $"no timer fired twice ({doubleFired})");
        report.Expect(notFired == 0 && notCompleted == 0, $"every timer fired and completed ({notFired} not fired, {notCompleted} not completed)");
        report.Expect(broken == 0, $"every journal gapless ({broken})");
    }

    /// <summary>Polls <paramref name="condition"/> every 20 ms until it holds or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20, cancellationToken);
        }

        return await condition();
    }
}
