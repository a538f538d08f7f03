using HaloAgent.Engine.Runtime.Runtime;
using Quartz;

namespace HaloAgent.Engine.Runtime.Scheduling;

/// <summary>
/// Starts a flow at a cron trigger's fire time. Every node schedules every cron trigger; the start key (flow, node,
/// fire time) is unique in the database, so exactly one node's start wins and the others are told it already ran.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledStartJob(FlowRuntime runtime) : IJob
{
    public const string FlowIdKey = "flowId";
    public const string NodeIdKey = "nodeId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var flowId = context.MergedJobDataMap.GetString(FlowIdKey)!;
        var nodeId = context.MergedJobDataMap.GetString(NodeIdKey)!;
        await runtime.StartScheduledAsync(flowId, nodeId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
    }
}
