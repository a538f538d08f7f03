using Dapper;
using HaloAgent.Channels.Persistence;
using HaloAgent.Platform.Messaging;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// A flow's messages as the outbox has them (Meta's delivery and read reports end there, whichever node took them),
/// for experiments' per-variant funnels. Only this business's rows: callback data alone would not keep tenants apart.
/// </summary>
internal sealed class FlowMessages(ChannelsDatabase database) : IFlowMessages
{
    public async Task<IReadOnlyList<FlowMessageStatus>> OfFlowAsync(string businessId, string flowId, CancellationToken cancellationToken)
    {
        var prefix = flowId + "/";
        var rows = await database.RunAsync(
            write: false,
            (connection, token) => connection.QueryAsync<Row>(new CommandDefinition(
                """
                SELECT recipient AS Recipient, biz_opaque_callback_data AS CallbackData, status AS Status
                FROM outbound_messages
                WHERE business_id = @BusinessId AND substr(biz_opaque_callback_data, 1, @Length) = @Prefix
                """,
                new { BusinessId = businessId, Prefix = prefix, prefix.Length }, cancellationToken: token)),
            cancellationToken);
        return rows.Select(r => new FlowMessageStatus(r.Recipient, r.CallbackData, r.Status.ToLowerInvariant())).ToList();
    }

    private sealed class Row
    {
        public string Recipient { get; set; } = "";

        public string CallbackData { get; set; } = "";

        public string Status { get; set; } = "";
    }
}
