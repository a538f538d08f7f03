namespace HaloAgent.Platform.Messaging;

/// <summary>
/// The <c>biz_opaque_callback_data</c> a flow's message carries, so Meta's status webhooks (and the outbox row) say
/// which flow, node and A/B variants sent it: <c>{flowId}/{nodeId}</c>, then <c>|{splitNodeId}={variant}</c> for each
/// Split the instance passed. Meta allows 512 characters: variants that would not fit are left off (the message then
/// counts for no variant of those experiments rather than failing to send).
/// </summary>
public static class FlowCallback
{
    public const int MaxLength = 512;

    private const char VariantSeparator = '|';

    public static string Format(string flowId, string nodeId, IEnumerable<KeyValuePair<string, string>> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var text = new System.Text.StringBuilder($"{flowId}/{nodeId}");
        foreach (var (split, variant) in variants)
        {
            var part = $"{VariantSeparator}{split}={variant}";
            if (text.Length + part.Length <= MaxLength)
            {
                text.Append(part);
            }
        }

        return text.Length <= MaxLength ? text.ToString() : text.ToString(0, MaxLength);
    }

    /// <summary>The variant of Split node <paramref name="splitNodeId"/> named in callback data of flow <paramref name="flowId"/>; null when none.</summary>
    public static string? VariantOf(string? callbackData, string flowId, string splitNodeId)
    {
        if (callbackData is null || !callbackData.StartsWith(flowId + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var prefix = splitNodeId + "=";
        foreach (var part in callbackData.Split(VariantSeparator).Skip(1))
        {
            if (part.StartsWith(prefix, StringComparison.Ordinal))
            {
                return part[prefix.Length..];
            }
        }

        return null;
    }
}

/// <summary>One message a flow sent: to whom (the channel address), its callback data and where it is (queued … read, failed).</summary>
public sealed record FlowMessageStatus(string Recipient, string CallbackData, string Status);

/// <summary>The messages flows sent, read back from the outbox for experiments (implemented where the channels live).</summary>
public interface IFlowMessages
{
    /// <summary>Every message of <paramref name="businessId"/> whose callback data names <paramref name="flowId"/>.</summary>
    Task<IReadOnlyList<FlowMessageStatus>> OfFlowAsync(string businessId, string flowId, CancellationToken cancellationToken);
}
