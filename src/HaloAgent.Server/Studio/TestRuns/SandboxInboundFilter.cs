using HaloAgent.Agent.Inbound;
using HaloAgent.Channels.History;
using HaloAgent.Channels.Inbound;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>
/// The agent's inbox handler with one exception: a message to a test run that has ended (posted just before the run was
/// ended, and processed after) is dropped. Handed to the agent, it would create the deleted sandbox contact again as
/// an ordinary customer of the business, and the live flows would answer it.
/// </summary>
public sealed class SandboxInboundFilter(
    AgentInboundHandler agent, IDbContextFactory<TestRunsDbContext> runs, ConversationPurge conversations, ILogger<SandboxInboundFilter> logger)
    : IInboundMessageHandler
{
    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // Only a test run's own key is looked up: every other message goes straight to the agent.
        if (TestRunIds.RunIdOf(message.From) is { } runId)
        {
            TestRunRecord? run;
            await using (var db = await runs.CreateDbContextAsync(cancellationToken))
            {
                run = await db.TestRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId && r.BusinessId == message.BusinessId, cancellationToken);
            }

            if (run?.EndedAt is not null)
            {
                if (run.CleanedAt is not null)
                {
                    // The inbox stored this message before handing it here, after the cleanup had deleted the others.
                    await conversations.PurgeAsync(run.BusinessId, run.ContactKey, cancellationToken);
                }

                logger.LogDebug("Message {MessageId} for ended test run {RunId} dropped", message.ExternalId, runId);
                return;
            }
        }

        await agent.HandleAsync(message, cancellationToken);
    }
}
